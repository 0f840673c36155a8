namespace Infra.Constructs.Aws;

/// <summary>How private subnets reach the internet.</summary>
public enum NatStrategy
{
    /// <summary>One NAT gateway per AZ: losing an AZ never cuts the others off (production default).</summary>
    OnePerAz,
    /// <summary>One NAT gateway for all AZs: cheap, but its AZ is a single point of failure (dev).</summary>
    Single,
    /// <summary>No NAT: private subnets reach only the VPC and S3 (through the gateway endpoint).</summary>
    None,
}

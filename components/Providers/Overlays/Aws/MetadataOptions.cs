using Infra.Synthesis;

namespace Infra.Providers.Generated;

// Hand-written beside the generated EC2 types: the one safe instance-metadata setting, shared by
// instances and launch templates (two schema types of the same shape).
public static partial class Aws
{
    public static partial class Ec2
    {
        public sealed partial class InstanceMetadataOptions
        {
            /// <summary>IMDSv2 only, and a hop limit of 1 so containers on the host cannot reach the credentials.</summary>
            public static InstanceMetadataOptions V2Only =>
                new() { HttpEndpoint = "enabled", HttpTokens = "required", HttpPutResponseHopLimit = 1 };
        }

        public sealed partial class LaunchTemplateMetadataOptions
        {
            /// <summary>IMDSv2 only, and a hop limit of 1 so containers on the host cannot reach the credentials.</summary>
            public static LaunchTemplateMetadataOptions V2Only =>
                new() { HttpEndpoint = "enabled", HttpTokens = "required", HttpPutResponseHopLimit = 1 };
        }
    }
}

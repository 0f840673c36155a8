using Infra.Platform.Network;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-006: every fixed private IPv4 address (an instance's <c>privateIp</c> and secondary addresses, a
/// launch template's or network interface's addresses) lies inside its subnet's CIDR block and is not
/// one of the 5 addresses AWS keeps in every subnet (the network address, +1 router, +2 DNS, +3
/// reserved, and the broadcast address); a subnet CIDR reservation lies inside its subnet. EC2 refuses
/// to launch on such an address.
/// </summary>
public sealed class PrivateAddressesInSubnets : ProgramPolicy
{
    public const string Source = "Amazon VPC User Guide, Subnet CIDR blocks (the first four and the last IPv4 address of every subnet are reserved)";

    public override string Id => "CLD-006";
    public override string Title => "Fixed private IPs are inside their subnet and not AWS-reserved";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var blueprint = context.Blueprint;
        var violations = new List<Violation>();
        var checkedCount = 0;
        foreach (var resource in blueprint.Resources.Where(CreatedResources.Is))
        {
            foreach (var (subnetExpr, property, address) in Addresses(resource))
            {
                var found = SubnetCidr(blueprint, subnetExpr);
                if (found is null) continue;
                var subnet = found.Value;
                checkedCount++;
                if (Problem(subnet.Cidr, address) is { } problem)
                    violations.Add(Violation(resource.Name, property, $"is {address}, {problem} of subnet {subnet.Name} ({subnet.Cidr}): EC2 rejects it.",
                        Source, $"use an address from {Usable(subnet.Cidr)}."));
            }
            if (resource.Type == "aws:ec2/subnetCidrReservation:SubnetCidrReservation" &&
                SubnetCidr(blueprint, Props.Get(resource, "subnetId")) is { } reservedIn &&
                Props.String(resource, "cidrBlock") is { } text && Ipv4Cidr.TryParse(text, out var reservation))
            {
                checkedCount++;
                if (!reservedIn.Cidr.Contains(reservation))
                    violations.Add(Violation(resource.Name, "cidrBlock",
                        $"is {reservation}, outside subnet {reservedIn.Name} ({reservedIn.Cidr}): EC2 rejects the reservation.",
                        "Amazon EC2 API Reference, CreateSubnetCidrReservation, Cidr", $"reserve a block inside {reservedIn.Cidr}."));
            }
        }
        return (checkedCount, violations);
    }

    /// <summary>Why <paramref name="address"/> cannot be used in <paramref name="subnet"/>; null when it can.</summary>
    public static string? Problem(Ipv4Cidr subnet, string address)
    {
        if (!Ipv4Address.TryParse(address, out var ip)) return "not an IPv4 address";
        if (!subnet.Contains(ip)) return "outside";
        var offset = ip.Value - subnet.Network.Value;
        return offset switch
        {
            0 => "the network address",
            1 => "the address AWS keeps for the VPC router",
            2 => "the address AWS keeps for the Amazon DNS server",
            3 => "the address AWS keeps for future use",
            _ when ip == subnet.Last => "the broadcast address, which AWS keeps",
            _ => null,
        };
    }

    private static string Usable(Ipv4Cidr subnet) =>
        subnet.Size > 5 ? $"{subnet.Network.Offset(4)} to {subnet.Last.Offset(-1)}" : $"another subnet ({subnet} has no usable address)";

    /// <summary>The fixed addresses a resource asks for, each with the subnet expression it is in.</summary>
    private static IEnumerable<(Expr? Subnet, string Property, string Address)> Addresses(Resource resource)
    {
        switch (resource.Type)
        {
            case Tokens.Instance:
                var subnet = Props.Get(resource, "subnetId");
                if (Props.String(resource, "privateIp") is { } ip) yield return (subnet, "privateIp", ip);
                var secondary = Props.List(resource, "secondaryPrivateIps");
                for (var i = 0; i < secondary.Count; i++)
                    if (Props.String(secondary[i]) is { } s) yield return (subnet, $"secondaryPrivateIps[{i}]", s);
                break;
            case Tokens.LaunchTemplate:
                var interfaces = Props.List(resource, "networkInterfaces");
                for (var i = 0; i < interfaces.Count; i++)
                {
                    var itsSubnet = Props.Get(interfaces[i], "subnetId");
                    if (Props.String(Props.Get(interfaces[i], "privateIpAddress")) is { } a)
                        yield return (itsSubnet, $"networkInterfaces[{i}].privateIpAddress", a);
                    var v4 = Props.List(Props.Get(interfaces[i], "ipv4Addresses"));
                    for (var j = 0; j < v4.Count; j++)
                        if (Props.String(v4[j]) is { } b) yield return (itsSubnet, $"networkInterfaces[{i}].ipv4Addresses[{j}]", b);
                }
                break;
            case "aws:ec2/networkInterface:NetworkInterface":
                var eniSubnet = Props.Get(resource, "subnetId");
                if (Props.String(resource, "privateIp") is { } p) yield return (eniSubnet, "privateIp", p);
                var list = Props.List(resource, "privateIps");
                for (var i = 0; i < list.Count; i++)
                    if (Props.String(list[i]) is { } q) yield return (eniSubnet, $"privateIps[{i}]", q);
                break;
        }
    }

    /// <summary>The program's subnet an expression refers to (<c>${network-private-0.id}</c>), with its literal CIDR block.</summary>
    private static (string Name, Ipv4Cidr Cidr)? SubnetCidr(Blueprint blueprint, Expr? subnetExpr) =>
        Props.Referenced(blueprint, subnetExpr).FirstOrDefault(r => r.Type == Tokens.Subnet) is { } subnet &&
        Props.String(subnet, "cidrBlock") is { } text && Ipv4Cidr.TryParse(text, out var cidr)
            ? (subnet.Name, cidr)
            : null;
}

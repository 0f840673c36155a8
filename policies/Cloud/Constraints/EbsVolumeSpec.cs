using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// One EBS volume a resource creates, wherever the program declares it: an <c>ebs.Volume</c>, an
/// instance's <c>rootBlockDevice</c>/<c>ebsBlockDevices</c>, a launch template's
/// <c>blockDeviceMappings[].ebs</c>. Null fields are unset or only known at deployment.
/// </summary>
/// <param name="Path">Where the volume is declared, relative to the resource (empty for an ebs.Volume).</param>
/// <param name="Type">The volume type; null when unset (EC2 then uses gp2 for CreateVolume and the AMI's for block devices).</param>
public sealed record EbsVolumeSpec(string Path, string? Type, double? Size, double? Iops, double? Throughput)
{
    public static IEnumerable<EbsVolumeSpec> Of(Resource resource)
    {
        switch (resource.Type)
        {
            case Tokens.EbsVolume:
                yield return Read("", resource.Properties, "type", "size");
                break;
            case Tokens.Instance:
                if (Props.Get(resource, "rootBlockDevice") is ObjectExpr root) yield return Read("rootBlockDevice.", root, "volumeType", "volumeSize");
                var devices = Props.List(resource, "ebsBlockDevices");
                for (var i = 0; i < devices.Count; i++)
                    if (devices[i] is ObjectExpr device) yield return Read($"ebsBlockDevices[{i}].", device, "volumeType", "volumeSize");
                break;
            case Tokens.LaunchTemplate:
                var mappings = Props.List(resource, "blockDeviceMappings");
                for (var i = 0; i < mappings.Count; i++)
                    if (Props.Get(mappings[i], "ebs") is ObjectExpr ebs) yield return Read($"blockDeviceMappings[{i}].ebs.", ebs, "volumeType", "volumeSize");
                break;
        }
    }

    private static EbsVolumeSpec Read(string path, ObjectExpr obj, string typeKey, string sizeKey) =>
        new(path, Props.String(obj[typeKey]), Props.Number(obj[sizeKey]), Props.Number(obj["iops"]), Props.Number(obj["throughput"]))
        {
            TypeProperty = path + typeKey,
            SizeProperty = path + sizeKey,
        };

    public string TypeProperty { get; private init; } = "type";
    public string SizeProperty { get; private init; } = "size";
    public string IopsProperty => Path + "iops";
    public string ThroughputProperty => Path + "throughput";
}

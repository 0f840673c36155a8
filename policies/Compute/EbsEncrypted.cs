using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Compute;

/// <summary>CMP-002: every EBS volume is encrypted: standalone volumes, root and extra block devices, launch template mappings.</summary>
public sealed class EbsEncrypted : ResourcePolicy
{
    public override string Id => "CMP-002";
    public override string Title => "EBS volumes encrypted";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type is Tokens.EbsVolume or Tokens.Instance or Tokens.LaunchTemplate;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var fix = "set encrypted: true (and kmsKeyId for a customer key).";
        switch (resource.Type)
        {
            case Tokens.EbsVolume when Props.Bool(resource, "encrypted") != true:
                yield return Violation(resource.Name, "is an unencrypted EBS volume.", fix);
                break;
            case Tokens.Instance:
                if (Props.Bool(resource, "rootBlockDevice.encrypted") != true && !TemplateEncryptsRoot(context.Blueprint, resource))
                    yield return Violation(resource.Name, "has an unencrypted root volume (rootBlockDevice.encrypted is not true).",
                        "set rootBlockDevice: {encrypted: true}.");
                var devices = Props.List(resource, "ebsBlockDevices");
                for (var i = 0; i < devices.Count; i++)
                    if (Props.Bool(Props.Get(devices[i], "encrypted")) != true)
                        yield return Violation(resource.Name, $"has an unencrypted volume ebsBlockDevices[{i}].", fix);
                break;
            case Tokens.LaunchTemplate:
                var mappings = Props.List(resource, "blockDeviceMappings").OfType<ObjectExpr>().ToList();
                for (var i = 0; i < mappings.Count; i++)
                    if (mappings[i]["ebs"] is not null && Props.Bool(Props.Get(mappings[i], "ebs.encrypted")) != true)
                        yield return Violation(resource.Name, $"has an unencrypted volume blockDeviceMappings[{i}].ebs.", fix);
                break;
        }
    }

    // An instance without its own root device settings gets the template's mappings (checked on the template).
    private static bool TemplateEncryptsRoot(Blueprint blueprint, Resource instance)
    {
        if (Props.Get(instance, "rootBlockDevice") is not null || LaunchTemplates.Of(blueprint, instance) is not { } template) return false;
        var volumes = Props.List(template, "blockDeviceMappings").OfType<ObjectExpr>().Where(m => m["ebs"] is not null).ToList();
        return volumes.Count > 0 && volumes.All(m => Props.Bool(Props.Get(m, "ebs.encrypted")) == true);
    }
}

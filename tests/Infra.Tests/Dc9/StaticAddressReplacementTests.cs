using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// The roll procedure replaces one server at a time (<c>pulumi up --replace URN</c>). Pulumi replaces by
/// creating first, but EC2 refuses a private address that is still in use, and a volume attached to the
/// old server cannot attach to the new one: both must delete before they replace.
/// </summary>
public class StaticAddressReplacementTests
{
    private static IEnumerable<(string Name, YamlMappingNode Resource)> Resources(string type) =>
        ((YamlMappingNode)ProgramYaml.Parse(Dc9Synth.Yaml())["resources"]).Children
            .Where(r => r.Value.At("type").Text() == type)
            .Select(r => (r.Key.ToString(), (YamlMappingNode)r.Value));

    private static bool DeletesBeforeReplacing(YamlMappingNode resource) =>
        resource.Has("options") && resource.At("options").Has("deleteBeforeReplace") && resource.At("options", "deleteBeforeReplace").Text() == "true";

    [Fact]
    public void Every_instance_at_a_fixed_private_address_is_deleted_before_it_is_replaced()
    {
        var pinned = Resources("aws:ec2/instance:Instance").Where(r => r.Resource.At("properties").Has("privateIp")).ToList();
        Assert.Equal(9, pinned.Count);
        Assert.All(pinned, r => Assert.True(DeletesBeforeReplacing(r.Resource), $"{r.Name} keeps its address {r.Resource.At("properties", "privateIp").Text()} but would be replaced create-first"));
    }

    [Fact]
    public void Every_data_volume_attachment_is_deleted_before_it_is_replaced()
    {
        var attachments = Resources("aws:ec2/volumeAttachment:VolumeAttachment").ToList();
        Assert.Equal(9, attachments.Count);
        Assert.All(attachments, r => Assert.True(DeletesBeforeReplacing(r.Resource), $"{r.Name} would attach the volume to the new server while the old one holds it"));
    }
}

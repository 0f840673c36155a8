using Infra.Platform.Database;
using Infra.Platform.Provisioning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Infra.Tests.Core;

/// <summary>
/// The compiler writes server configuration YAML without YamlDotNet's reflection serializer (it runs
/// natively). These pin that the writers emit exactly what that serializer wrote, on the values that
/// decide quoting and block styles; the tier snapshots pin the real documents byte for byte.
/// </summary>
public sealed class ReflectionFreeYamlTests
{
    private static readonly string[] Tricky =
    [
        "plain", "0644", "0755", "123", "-1", "+1.5", "1e3", ".5", "0x1F", "0o17", "true", "False", "NULL", "~", "null",
        "yes", "on", "off", "y", "", " ", " leading", "trailing ", "a: b", "#comment", "- dash", "${env:PLATFORM_NODE_ID}",
        "it's", "say \"hi\"", "tab\there", "multi\nline\n", "multi\nline without end", "  indented\nblock\n", "ünïcode", "*star", "&amp",
        "!tag", "%percent", "@at", "`tick", "[list]", "{map}", "a,b", "?q", "|pipe", ">gt", "key:", "http://x.example/y?z=1#f",
    ];

    private static readonly ISerializer Reflection = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new LiteralMultiline(next))
        .DisableAliases()
        .Build();

    private sealed class LiteralMultiline(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n')) eventInfo.Style = ScalarStyle.Literal;
            base.Emit(eventInfo, emitter);
        }
    }

    [Fact]
    public void Provisioning_yaml_is_what_the_reflection_serializer_wrote()
    {
        var document = OtelCollectorConfig.Map(
            ("scalars", Tricky),
            ("as keys", OtelCollectorConfig.Map(Tricky.Where(t => t.Length > 0).Select(t => (t, (object)t)).ToArray())),
            ("numbers", new object[] { 0, -7, 2147483647, 9_000_000_000L, true, false }),
            ("empty map", OtelCollectorConfig.Map()),
            ("empty list", Array.Empty<string>()),
            ("nested", new object[] { new[] { "a", "b" }, OtelCollectorConfig.Map(("k", new object[] { OtelCollectorConfig.Map(("x", 1)) })) }));

        Assert.Equal(Reflection.Serialize(document).ReplaceLineEndings("\n"), ProvisioningYaml.Serialize(document));
    }

    [Fact]
    public void Database_yaml_nodes_are_written_as_the_reflection_serializer_wrote_them()
    {
        var root = YamlText.Map(
            ("strings", YamlText.Strs(Tricky)),
            ("int", YamlText.Int(5432)),
            ("bool", YamlText.Bool(true)),
            ("nested", YamlText.Map(("empty", new YamlMappingNode()), ("list", YamlText.Seq([YamlText.Map(("k", YamlText.Str("v")))])))));

        using var writer = new StringWriter { NewLine = "\n" };
        new SerializerBuilder().Build().Serialize(new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024)), root);
        Assert.Equal(writer.ToString(), YamlText.Write(root));
    }
}

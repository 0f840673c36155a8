using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Infra.Platform.Provisioning;

/// <summary>
/// One YAML serializer for generated server configuration: block style, insertion order kept (inputs
/// are <see cref="OrderedDictionary{TKey,TValue}"/>), ambiguous strings such as '0644' quoted, and
/// multi-line strings as literal blocks so embedded scripts stay readable in the output.
/// </summary>
public static class ProvisioningYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new LiteralMultilineEmitter(next))
        .DisableAliases()
        .Build();

    public static string Serialize(object document) => Serializer.Serialize(document).ReplaceLineEndings("\n");

    private sealed class LiteralMultilineEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n'))
                eventInfo.Style = ScalarStyle.Literal;
            base.Emit(eventInfo, emitter);
        }
    }
}

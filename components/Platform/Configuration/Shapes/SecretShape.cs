using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>A secret: Pulumi reads it at deployment; the suite never binds its value.</summary>
internal sealed class SecretShape : ConfigShape<string?>
{
    public override ConfigKind Kind => ConfigKind.Secret;

    public override string TypeName => "secret";

    public override string Allowed => "a secret (pulumi config set --secret)";

    public override bool TryBind(JsonNode? node, ConfigAt at, out string? value) =>
        throw new InvalidOperationException($"{at.Name} is a secret: its value is never read (ConfigReader.Secret checks it).");
}

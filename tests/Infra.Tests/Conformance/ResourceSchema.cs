using System.Text.Json;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// A resource type as the schema states it. <see cref="Inputs"/> and <see cref="Outputs"/> are JSON
/// objects mapping property names to property specs; specs' <c>$ref</c>s resolve in <see cref="Package"/>.
/// </summary>
public sealed record ResourceSchema(
    string Token,
    SchemaPackage Package,
    JsonElement Inputs,
    IReadOnlySet<string> RequiredInputs,
    JsonElement Outputs,
    bool IsOverlay);

/// <summary>A function (for <c>fn::invoke</c>) as the schema states it.</summary>
public sealed record FunctionSchema(
    string Token,
    SchemaPackage Package,
    JsonElement Inputs,
    IReadOnlySet<string> RequiredInputs,
    JsonElement Outputs);

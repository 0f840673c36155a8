namespace Infra.Tests.SchemaConformance;

/// <summary>
/// One place where a program breaks the provider schemas.
/// <paramref name="Resource"/> is the resource's logical name (for the other sections:
/// <c>variables.NAME</c> or <c>outputs.NAME</c>); <paramref name="Path"/> is the place inside it,
/// e.g. <c>properties.ingress[0].fromPort</c>, <c>type</c>, <c>options.version</c>.
/// </summary>
public sealed record ConformanceViolation(string Resource, string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? $"{Resource}: {Message}" : $"{Resource} at {Path}: {Message}";
}

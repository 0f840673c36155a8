namespace Infra.Tools.ProviderGen;

/// <summary>One file the generator writes, by its path relative to the repository root ('/' separated).</summary>
public sealed record GeneratedFile(string Path, string Content);

namespace Infra.Tools.ProviderGen;

/// <summary>A problem with the allow-list or the schemas that the person running the generator must fix.</summary>
public sealed class GeneratorException(string message) : Exception(message);

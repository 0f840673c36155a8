namespace Infra.Platform.Services;

/// <summary>A Service of the platform binary, with the DB namespace it owns and the routes it serves.</summary>
public sealed record ServiceDefinition(string Name, string Database, IReadOnlyList<IngressRoute> Routes);

namespace Infra.Platform.Database;

/// <summary>
/// A cluster description that cannot produce a working database cluster. The message names the
/// offending member or key and says how to fix it.
/// </summary>
public sealed class DatabaseConfigException(string message) : Exception(message);

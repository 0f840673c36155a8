namespace Infra.Platform.Services;

/// <summary>
/// The Services one binary runs. Never empty: the platform's rule is that a binary is always told
/// its Services explicitly, and an empty list would mean "run everything".
/// </summary>
public sealed class ServiceSet
{
    public IReadOnlyList<ServiceDefinition> Services { get; }

    public ServiceSet(IEnumerable<ServiceDefinition> services)
    {
        Services = services.ToList();
        if (Services.Count == 0)
            throw new ArgumentException("A server must run at least one Service: an empty list would mean 'run everything'.");
    }

    public IEnumerable<string> Names => Services.Select(s => s.Name);

    /// <summary>Comma-separated, as the binary's <c>--services</c> flag and <c>PLATFORM_SERVICES</c> take it.</summary>
    public string Csv => string.Join(",", Names);
}

namespace Infra.Platform.Services;

/// <summary>
/// The Services the platform binary can run. The defaults below are the platform's own; a stack's
/// <c>infra:catalog</c> may override a Service's database or routes, or add a Service.
/// </summary>
public sealed class ServiceCatalog
{
    public static readonly IReadOnlyList<ServiceDefinition> Defaults =
    [
        new("gateway", "gateway", [new("api", "/", "gateway")]),
        new("accounts", "accounts", [new("api", "/accounts/", "accounts")]),
        new("events", "events", [new("api", "/events/", "events")]),
    ];

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public ServiceCatalog(IEnumerable<ServiceDefinition> services)
    {
        Services = services.ToList();
        var shared = Services.GroupBy(s => s.Database).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
            throw new ArgumentException(
                $"The DB namespace '{shared.Key}' is shared by {string.Join(" and ", shared.Select(s => s.Name))}; " +
                "each Service owns its own namespace.");
    }

    public static ServiceCatalog Default { get; } = new(Defaults);

    public ServiceDefinition? Find(string name) => Services.FirstOrDefault(s => s.Name == name);

    public IEnumerable<string> Names => Services.Select(s => s.Name);

    /// <summary>The route table of the given Services (those a stack runs).</summary>
    public RouteTable RoutesOf(IEnumerable<ServiceDefinition> services) => new(services.SelectMany(s => s.Routes));
}

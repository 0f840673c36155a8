using System.Text.RegularExpressions;

namespace Infra.Nats;

/// <summary>
/// The rules a spec must meet before any file is written: what nats-server would refuse, and what would
/// start but not survive the drills (a region of two servers loses JetStream's R3 quorum on one restart).
/// </summary>
public static partial class NatsSpecValidator
{
    /// <summary>A cluster of three tolerates one server down (lame duck, a crash) with JetStream R3 still at quorum.</summary>
    public const int MinimumServersPerRegion = 3;

    /// <summary>nats-server's own minimum (2.9: "invalid lame_duck_duration ..., minimum is 30 seconds").</summary>
    public static readonly TimeSpan MinimumLameDuckDuration = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<NatsProblem> Problems(NatsSuperClusterSpec spec)
    {
        var problems = new List<NatsProblem>();
        void Add(string where, string what, string fix) => problems.Add(new NatsProblem(where, what, fix));

        if (spec.Regions.Count == 0)
            Add("regions", "no region is given.", "give at least one region with its servers.");

        var regionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in spec.Regions)
        {
            var where = $"regions[{region.Name}]";
            if (!RegionName().IsMatch(region.Name))
                Add(where, $"'{region.Name}' is not a usable region name (it names the NATS cluster and gateway).",
                    "use 1 to 32 lower-case letters, digits and '-', starting with a letter (e.g. eu-west).");
            if (!regionNames.Add(region.Name))
                Add(where, $"region '{region.Name}' is given twice (names compare without case).",
                    "give each region once; merge the servers of both entries.");
            if (region.Access is { } access)
            {
                foreach (var (field, host) in new[] { ("routeSeed", access.RouteSeed), ("publicHost", access.PublicHost), ("localHost", access.LocalHost) })
                    if (!Address().IsMatch(host))
                        Add($"{where}.access.{field}", $"'{host}' is not a host name or IPv4 address.", "give the name the load balancer is reached at.");
                if (region.Servers.Select(s => s.Ports).Distinct().Count() > 1)
                    Add($"{where}.servers", "servers reached through load balancers use different ports; a load balancer forwards each port to every server.",
                        "give every server of the region the same ports.");
            }
            if (region.Servers.Count < MinimumServersPerRegion)
                problems.Add(new NatsProblem($"{where}.servers",
                    $"{region.Servers.Count} server{(region.Servers.Count == 1 ? "" : "s")} ({string.Join(", ", region.Servers.Select(s => s.Name))}); a region's cluster needs at least {MinimumServersPerRegion} so that JetStream's R3 streams keep a quorum while one server restarts or fails.",
                    $"add servers to region '{region.Name}' until it has {MinimumServersPerRegion} or more.")
                { Rule = NatsRule.TooFewServers, Region = region.Name });
        }

        var known = spec.Regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var region in spec.Regions)
        {
            var where = $"regions[{region.Name}].nearestRegions";
            var others = known.Where(n => n != region.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in region.NearestRegions)
            {
                if (name == region.Name)
                    Add(where, $"lists the region itself ('{name}'); its own servers always come first.", $"remove '{name}' from the list.");
                else if (!known.Contains(name))
                    Add(where, $"'{name}' is not a region of this super-cluster (regions: {string.Join(", ", known.Order(StringComparer.Ordinal))}).",
                        $"remove '{name}' or correct its spelling.");
            }
            foreach (var twice in region.NearestRegions.GroupBy(n => n).Where(g => g.Count() > 1))
                Add(where, $"'{twice.Key}' is listed {twice.Count()} times.", "list each other region once, nearest first.");
            var missing = others.Where(o => !region.NearestRegions.Contains(o)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                Add(where, $"does not place {string.Join(", ", missing)}; clients fail over by this order, so it must hold every other region.",
                    "list every other region once, nearest first.");
        }

        var serverNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var endpoints = new Dictionary<(string, int), string>();
        var stores = new Dictionary<(string, string), string>();
        foreach (var region in spec.Regions)
        foreach (var server in region.Servers)
        {
            var where = $"regions[{region.Name}].servers[{server.Name}]";
            if (!ServerName().IsMatch(server.Name))
                Add(where, $"'{server.Name}' is not a usable server name (JetStream's server_name).",
                    "use 1 to 63 letters, digits and '-', starting with a letter or digit.");
            if (serverNames.TryGetValue(server.Name, out var firstRegion))
                Add(where, $"server name '{server.Name}' is used in region '{firstRegion}' too; JetStream needs each server name unique in the super-cluster.",
                    "rename one of them (e.g. prefix the region).");
            else
                serverNames[server.Name] = region.Name;
            if (!Address().IsMatch(server.Address))
                Add($"{where}.address", $"'{server.Address}' is not a host name or IPv4 address.", "give the address clients and peers reach the server at.");

            var ports = new[] { ("client", server.Ports.Client), ("cluster", server.Ports.Cluster), ("gateway", server.Ports.Gateway), ("monitoring", server.Ports.Monitoring) };
            foreach (var (role, port) in ports)
            {
                if (port is < 1 or > 65535)
                    Add($"{where}.ports.{role}", $"{port} is not a TCP port.", "use 1 to 65535.");
                // Servers reached through load balancers each have a host of their own (0.0.0.0 on each).
                else if (region.Access is null && endpoints.TryGetValue((server.Address.ToLowerInvariant(), port), out var user))
                    Add($"{where}.ports.{role}", $"{server.Address}:{port} is already the {user}.", "give every listener on one address its own port.");
                else if (region.Access is null)
                    endpoints[(server.Address.ToLowerInvariant(), port)] = $"{role} port of {server.Name}";
            }

            var store = server.StoreDirectory ?? spec.StoreDirectory;
            if (region.Access is not null) continue;
            if (stores.TryGetValue((server.Address.ToLowerInvariant(), store), out var sharer))
                Add($"{where}.storeDirectory", $"'{store}' on {server.Address} is {sharer}'s JetStream store too; two servers cannot share one.",
                    "give servers on the same address their own store directory.");
            else
                stores[(server.Address.ToLowerInvariant(), store)] = server.Name;
        }

        CheckPath(problems, "storeDirectory", spec.StoreDirectory);
        foreach (var server in spec.Regions.SelectMany(r => r.Servers.Select(s => (Region: r.Name, Server: s))).Where(x => x.Server.StoreDirectory is not null))
            CheckPath(problems, $"regions[{server.Region}].servers[{server.Server.Name}].storeDirectory", server.Server.StoreDirectory!);
        CheckPath(problems, "tls.certFile", spec.Tls.CertFile);
        CheckPath(problems, "tls.keyFile", spec.Tls.KeyFile);
        CheckPath(problems, "tls.caFile", spec.Tls.CaFile);

        if (spec.LameDuck.Duration < MinimumLameDuckDuration || spec.LameDuck.Duration.TotalMilliseconds % 1000 != 0)
            Add("lameDuck.duration", $"{spec.LameDuck.Duration.TotalSeconds} s is not a whole number of seconds of at least {MinimumLameDuckDuration.TotalSeconds:0}; nats-server refuses a shorter lame duck.",
                $"use {MinimumLameDuckDuration.TotalSeconds:0} s or more.");
        if (spec.LameDuck.GracePeriod < TimeSpan.Zero || spec.LameDuck.GracePeriod.TotalMilliseconds % 1000 != 0)
            Add("lameDuck.gracePeriod", $"{spec.LameDuck.GracePeriod} is not a whole number of seconds.", "use e.g. 10 s.");
        else if (spec.LameDuck.GracePeriod >= spec.LameDuck.Duration)
            Add("lameDuck.gracePeriod", $"{spec.LameDuck.GracePeriod.TotalSeconds} s is not shorter than the duration ({spec.LameDuck.Duration.TotalSeconds} s); nats-server refuses that.",
                "make the grace period shorter than the duration.");
        if (spec.MaxMemoryStore <= 0) Add("maxMemoryStore", $"{spec.MaxMemoryStore} is not a positive size.", "give bytes > 0.");
        if (spec.MaxFileStore <= 0) Add("maxFileStore", $"{spec.MaxFileStore} is not a positive size.", "give bytes > 0.");

        foreach (var (where, account) in new[] { ("appAccount", spec.AppAccount), ("systemAccount", spec.SystemAccount) })
            if (!AccountName().IsMatch(account))
                Add(where, $"'{account}' is not a usable account name.", "use upper-case letters, digits and '_', starting with a letter.");
        if (spec.AppAccount == spec.SystemAccount)
            Add("systemAccount", $"'{spec.SystemAccount}' is the app account too; the system account carries only server traffic.", "give the two accounts different names.");
        foreach (var (where, user) in new[] { ("appUser", spec.AppUser), ("systemUser", spec.SystemUser) })
            if (!UserName().IsMatch(user))
                Add(where, $"'{user}' is not a usable user name.", "use letters, digits, '_' and '-'.");
        if (spec.AppUser == spec.SystemUser)
            Add("systemUser", $"'{spec.SystemUser}' is the app user too.", "give the two users different names.");
        foreach (var (where, variable) in new[] { ("appPasswordVariable", spec.AppPasswordVariable), ("systemPasswordVariable", spec.SystemPasswordVariable), ("routeAdvertiseVariable", spec.RouteAdvertiseVariable) })
            if (!VariableName().IsMatch(variable))
                Add(where, $"'{variable}' is not an environment variable name.", "use upper-case letters, digits and '_', starting with a letter.");
        return problems;
    }

    public static void Validate(NatsSuperClusterSpec spec)
    {
        var problems = Problems(spec);
        if (problems.Count > 0) throw new NatsConfigException(problems);
    }

    private static void CheckPath(List<NatsProblem> problems, string where, string path)
    {
        if (!path.StartsWith('/') || path.Any(c => c is '"' or '\\' or '$' || char.IsControl(c) || char.IsWhiteSpace(c)))
            problems.Add(new NatsProblem(where, $"'{path}' is not an absolute path without spaces, quotes, '$' or backslashes.",
                "give an absolute path such as /etc/nats/tls/server.pem."));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex RegionName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,62}$")]
    private static partial Regex ServerName();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")]
    private static partial Regex Address();

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")]
    private static partial Regex AccountName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")]
    private static partial Regex VariableName();
}

using Infra.Policies.Inspection;
using Infra.Platform;
using Infra.Platform.Provisioning;

namespace Infra.Policies.Platform;

/// <summary>
/// PLT-001 (DESIGN §1): a binary is always told its Services explicitly, as the --services flag and
/// PLATFORM_SERVICES alike; an empty list would mean "run everything". A fleet whose user-data carries
/// a peer table gives each server its Services through its row: there every row must list Services of
/// the stack, and the unit must pass them on from the identity file written from that row.
/// </summary>
public sealed class ExplicitServices : ProgramPolicy
{
    public override string Id => "PLT-001";
    public override string Title => "Every platform binary gets a non-empty, explicit Services list";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var launches = PlatformBinaries.All(context.Blueprint).ToList();
        return (launches.Count, launches.SelectMany(l => CheckLaunch(l, context)));
    }

    private IEnumerable<Violation> CheckLaunch(PlatformBinaryLaunch launch, PolicyContext context)
    {
        if (launch.PeerTable is { } table) return CheckPeerTable(launch, table, context);
        return CheckExplicitFlags(launch, context);
    }

    private IEnumerable<Violation> CheckPeerTable(PlatformBinaryLaunch launch, IReadOnlyList<PeerTableRow> table, PolicyContext context)
    {
        var name = launch.Resource.Name;
        var known = context.Settings.Services.Names.ToList();
        const string fromIdentity = "${PLATFORM_SERVICES}";
        var flags = PlatformBinaries.ServicesFlags(launch);
        if (flags.Count == 0)
            yield return Violation(name, $"carries a peer table in its user-data but starts the platform binary without --services in {PlatformServiceUnit.UnitName}.",
                $"start it with --services={fromIdentity} (PlatformServiceUnit), which each server fills in from its row.");
        foreach (var flag in flags.Where(f => f != fromIdentity).Distinct())
            yield return Violation(name, $"starts the platform binary with --services={flag}, not the Services of the server's peer-table row.",
                $"pass --services={fromIdentity}; every server of the template would otherwise run the same list.");
        // The unit sits indented inside the cloud-config; a "-" prefix (optional file) would not count.
        if (!launch.Flags.Split('\n').Any(l => l.Trim() == $"EnvironmentFile={NodeIdentity.EnvironmentPath}"))
            yield return Violation(name, $"starts the platform binary without reading {NodeIdentity.EnvironmentPath}, where each server's Services from the peer table land.",
                $"set EnvironmentFile={NodeIdentity.EnvironmentPath} (no '-': a missing identity must stop the start) in {PlatformServiceUnit.UnitName}.");
        if (table.Count == 0)
            yield return Violation(name, $"carries an empty peer table ({PeerTable.Path}); no server can find its Services.",
                "list every server of the fleet with its node id, name, static address and Services (ServerFleet renders it).");
        foreach (var row in table)
        {
            var where = $"peer table row {row.Line} ('{row.NodeId}' at {(row.Address.Length > 0 ? row.Address : "no address")})";
            if (row.Services.Count == 0)
            {
                yield return Violation(name, $"{where} has an empty Services list, which would mean 'run everything': that server's identity step refuses it and the server never starts.",
                    $"give the row its Services (columns: {PeerTable.Columns}); place the server with at least one Service.");
                continue; // says there is nothing more to check; the loop below would find nothing in an empty list either (an equivalent mutant)
            }
            foreach (var unknown in row.Services.Where(s => !known.Contains(s)))
                yield return Violation(name, $"{where} lists Service '{unknown}', which this stack does not run.",
                    $"use Services of infra:services ({string.Join(", ", known)}), or add '{unknown}' to the stack.");
        }
    }

    private IEnumerable<Violation> CheckExplicitFlags(PlatformBinaryLaunch launch, PolicyContext context)
    {
        var name = launch.Resource.Name;
        var known = context.Settings.Services.Names.ToList();
        var flags = PlatformBinaries.ServicesFlags(launch);
        var variable = launch.Variable("PLATFORM_SERVICES");
        if (flags.Count == 0)
            yield return Violation(name, "starts the platform binary without the --services flag.",
                $"pass --services=<csv> from the server's placement (BinaryLaunch.Render), e.g. --services={string.Join(",", known)}.");
        if (variable is null)
            yield return Violation(name, "starts the platform binary without PLATFORM_SERVICES in its environment.",
                "set PLATFORM_SERVICES to the same list as --services (BinaryLaunch.Render passes both).");
        foreach (var value in flags.Append(variable).OfType<string>().Distinct())
        {
            var services = PlatformBinaries.Split(value);
            if (services.Count == 0)
            {
                yield return Violation(name, "gives the platform binary an empty Services list, which would mean 'run everything'.",
                    "list the Services this server runs explicitly; an empty list is never valid.");
                continue; // as above: without it the loop below sees an empty list (an equivalent mutant)
            }
            foreach (var unknown in services.Where(s => !s.Contains("${", StringComparison.Ordinal) && !known.Contains(s)))
                yield return Violation(name, $"lists Service '{unknown}', which this stack does not run.",
                    $"use Services of infra:services ({string.Join(", ", known)}), or add '{unknown}' to the stack.");
        }
        // flags.Count > 0 is for the reader: Any is false on an empty list, so weakening it changes nothing (an equivalent mutant).
        if (flags.Count > 0 && variable is not null && flags.Any(f => f != variable))
            yield return Violation(name, $"tells the binary two different Services lists: --services={flags[0]} but PLATFORM_SERVICES={variable}.",
                "derive both from the same BinaryLaunch (its Render passes the one list both ways).");
    }
}

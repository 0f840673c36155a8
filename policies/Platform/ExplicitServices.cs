using Infra.Policies.Inspection;
using Infra.Platform;

namespace Infra.Policies.Platform;

/// <summary>
/// PLT-001 (DESIGN §1): a binary is always told its Services explicitly, as the --services flag and
/// PLATFORM_SERVICES alike; an empty list would mean "run everything".
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
        var name = launch.Resource.Name;
        var known = context.Settings.Services.Names.ToList();
        var flags = PlatformBinaries.ServicesFlags(launch);
        var variable = launch.Variable("PLATFORM_SERVICES");
        if (flags.Count == 0)
            yield return Violation(name, "starts the platform binary without the --services flag.",
                $"pass --services=<csv> from the server's placement (PlatformBinary.Flags), e.g. --services={string.Join(",", known)}.");
        if (variable is null)
            yield return Violation(name, "starts the platform binary without PLATFORM_SERVICES in its environment.",
                "set PLATFORM_SERVICES to the same list as --services (PlatformBinary.Environment).");
        foreach (var value in flags.Append(variable).OfType<string>().Distinct())
        {
            var services = PlatformBinaries.Split(value);
            if (services.Count == 0)
            {
                yield return Violation(name, "gives the platform binary an empty Services list, which would mean 'run everything'.",
                    "list the Services this server runs explicitly; an empty list is never valid.");
                continue;
            }
            foreach (var unknown in services.Where(s => !s.Contains("${", StringComparison.Ordinal) && !known.Contains(s)))
                yield return Violation(name, $"lists Service '{unknown}', which this stack does not run.",
                    $"use Services of infra:services ({string.Join(", ", known)}), or add '{unknown}' to the stack.");
        }
        if (flags.Count > 0 && variable is not null && flags.Any(f => f != variable))
            yield return Violation(name, $"tells the binary two different Services lists: --services={flags[0]} but PLATFORM_SERVICES={variable}.",
                "derive both from the same Server (PlatformBinary.Flags and PlatformBinary.Environment).");
    }
}

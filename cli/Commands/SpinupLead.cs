using Infra.Operations;
using Infra.Operations.Spinup;

namespace Infra.Cli.Commands;

/// <summary>
/// How early <c>infra schedule</c> starts a stack's weekday spin-up: the estimated wall time of <c>pulumi up</c>
/// of the stack's own program (<see cref="SpinupEstimator.UpLeadMinutes"/>), so it is ready at <c>weekdayUp</c>.
/// </summary>
public static class SpinupLead
{
    /// <summary>The estimate for (project root, stack); throws what synthesis throws, which the schedule turns into a warning.</summary>
    public static Func<string, string, TimeSpan> Estimator(ISynthesizer synthesizer) =>
        (root, stack) => TimeSpan.FromMinutes(SpinupEstimator.UpLeadMinutes(synthesizer.Synthesize(root, stack)));
}

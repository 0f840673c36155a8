using System.CommandLine;
using Infra.Cli;
using Infra.Cli.Commands;
using Infra.Operations.Deploy;
using Infra.Operations.Spinup;
using Infra.Tests.Dc9;
using Infra.Tests.Support;

namespace Infra.Tests.Operations;

/// <summary>
/// The schedule starts a weekday spin-up early by the spin-up estimate of the stack's own program, as the
/// tool wires it (<see cref="SpinupLead.Estimator"/> over the real synthesizer), so the stack is ready at
/// <c>weekdayUp</c>; a stack whose program cannot be estimated still acts, with a warning and the fallback lead.
/// </summary>
public sealed class ScheduleLeadTests : IDisposable
{
    private const string Schedule = "  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n    weekendDown: \"Fri 20:00\"\n";

    // Monday 2026-03-09 07:00 in Berlin is 06:00 UTC.
    private static readonly DateTimeOffset ReadyAt = new(2026, 3, 9, 6, 0, 0, TimeSpan.Zero);

    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly IProcessRunner NoPulumi = new RecordingProcessRunner(spec =>
        throw new InvalidOperationException("pulumi must not be asked: " + string.Join(' ', spec.Arguments)));

    private (int Exit, string Output, string Error) Run(DateTimeOffset at, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = ScheduleCommand.Create(new FixedClock(at), NoPulumi, SpinupLead.Estimator(new StackProgramSynthesizer()));
        var exit = new RootCommand("infra") { command }.Parse(["schedule", .. args, "--project-dir", project.Root])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (exit, output.ToString().Trim(), error.ToString());
    }

    /// <summary>The first minute, of those from <paramref name="from"/> to <paramref name="to"/>, at which the desired state is up.</summary>
    private DateTimeOffset? FirstUp(string stack, DateTimeOffset from, DateTimeOffset to)
    {
        for (var at = from; at <= to; at = at.AddMinutes(1))
        {
            var (exit, output, error) = Run(at, "--stack", stack, "--desired", "--offline");
            Assert.True(exit == 0, error);
            if (output == "up") return at;
        }
        return null;
    }

    [Fact]
    public void A_stack_whose_estimate_is_N_minutes_is_wanted_up_N_minutes_before_weekdayUp()
    {
        project.WriteStack("dev-eu", Dc9Synth.ExampleConfig.TrimEnd('\n') + "\n  infra:tier: dc9\n" + Schedule);
        var minutes = SpinupEstimator.UpLeadMinutes(new StackProgramSynthesizer().Synthesize(project.Root, "dev-eu"));
        Assert.InRange(minutes, 2, 10);  // dc9: the ALB then its alias, under the 10-minute target

        Assert.Equal(ReadyAt.AddMinutes(-minutes), FirstUp("dev-eu", ReadyAt.AddMinutes(-minutes - 3), ReadyAt));

        // The hourly reconciler, whose run lands in the lead window, brings the stack up there and says so.
        var (exit, action, reason) = Run(ReadyAt.AddMinutes(-minutes), "--stack", "dev-eu", "--actual", "down", "--offline");
        Assert.Equal(0, exit);
        Assert.Equal("up", action);
        Assert.Contains($"started {minutes} min early to be ready then", reason);
        Assert.Contains($"dev-eu: lead {minutes} min: weekday spin-ups start at {new TimeOnly(7, 0).AddMinutes(-minutes):HH\\:mm} Europe/Berlin to be ready at 07:00.", reason);
        Assert.DoesNotContain("warning", reason);
    }

    [Fact]
    public void A_program_that_does_not_synthesize_is_a_warning_and_the_fallback_lead_never_a_failure()
    {
        // The schedule is valid; the tier's own config is not (dc9 spans 3 to 6 zones).
        project.WriteStack("dev-bad", Dc9Synth.ExampleConfig.TrimEnd('\n') + "\n  infra:tier: dc9\n  infra:azCount: \"7\"\n" + Schedule);
        var fallback = SpinupEstimator.FallbackLeadMinutes;

        var (exit, action, reason) = Run(ReadyAt.AddMinutes(-fallback), "--stack", "dev-bad", "--actual", "down", "--offline");
        Assert.Equal(0, exit);
        Assert.Equal("up", action);
        Assert.Contains($"warning: dev-bad: no spin-up estimate, so the weekday spin-up starts {fallback} min early", reason);
        Assert.Contains("infra:azCount", reason);
        Assert.Equal("nothing", Run(ReadyAt.AddMinutes(-fallback - 1), "--stack", "dev-bad", "--actual", "down", "--offline").Output);
    }

    [Fact]
    public void Stacks_without_a_weekday_spin_up_are_not_synthesized_and_print_no_lead()
    {
        // Production, opt-out and expiry-only stacks: their tier config is broken, yet no warning appears.
        var broken = "config:\n  infra:tier: dc9\n";
        project.WriteStack("prod-eu", broken + "  infra:environment: production\n" + Schedule);
        project.WriteStack("dev-out", broken + Schedule + "    optOut: true\n");
        project.WriteStack("dev-ttl", broken + "  infra:expiresOn: \"2026-12-24\"\n");
        foreach (var stack in new[] { "prod-eu", "dev-out", "dev-ttl" })
        {
            var (exit, action, reason) = Run(ReadyAt, "--stack", stack, "--actual", "up", "--offline");
            Assert.True(exit == 0, reason);
            Assert.Equal("nothing", action);
            Assert.DoesNotContain("warning", reason);
            Assert.DoesNotContain("lead", reason);
        }
    }
}

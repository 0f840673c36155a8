using Infra.Policies;

namespace Infra.Tests.Policies;

/// <summary>
/// A policy run that several threads work on (infra synth's writer joins it once the YAML is written) reports exactly
/// what one thread would: every policy once, in the list's order, and the first failure in that order.
/// </summary>
public sealed class PolicyRunTests
{
    private sealed class Probe(string id, Func<PolicyOutcome> check) : Policy
    {
        public override string Id => id;
        public override string Title => "probe";
        public override Severity Severity => Severity.Mandatory;
        public int Runs;

        public override PolicyOutcome Evaluate(PolicyContext context)
        {
            Interlocked.Increment(ref Runs);
            return check();
        }
    }

    private static PolicyOutcome Finding(string id) => new(1, [new Violation(id, Severity.Mandatory, "subject", $"{id} found it", "fix")]);

    [Fact]
    public async Task Two_threads_share_the_policies_and_the_report_keeps_the_lists_order()
    {
        // The first two policies can only finish together: one thread alone would wait on the barrier until it gives up.
        using var both = new Barrier(2);
        Func<PolicyOutcome> meet(string id) => () =>
            both.SignalAndWait(TimeSpan.FromSeconds(10)) ? Finding(id) : throw new TimeoutException("no second thread took a policy");
        var probes = new[] { new Probe("T-001", meet("T-001")), new Probe("T-002", meet("T-002")) }
            .Concat(Enumerable.Range(3, 20).Select(i => new Probe($"T-{i:000}", () => Finding($"T-{i:000}")))).ToList();
        var run = new PolicyRun(probes, new PolicyFixture().Context(), []);

        var helper = Task.Run(run.Help);
        var report = run.Finish();
        await helper;

        Assert.Equal(probes.Select(p => p.Id), report.Results.Select(r => r.Policy.Id));
        Assert.Equal(probes.Select(p => $"{p.Id} found it"), report.Failed.Select(v => v.Problem));
        Assert.All(probes, p => Assert.Equal(1, p.Runs));
    }

    [Fact]
    public void A_policy_that_throws_fails_the_run_with_the_first_failure_in_the_lists_order_after_every_policy_ran()
    {
        var probes = new List<Probe>
        {
            new("T-001", () => Finding("T-001")),
            new("T-002", () => throw new InvalidOperationException("first")),
            new("T-003", () => throw new ArgumentException("second")),
            new("T-004", () => Finding("T-004")),
        };

        var thrown = Assert.Throws<InvalidOperationException>(() => new PolicyRun(probes, new PolicyFixture().Context(), []).Finish());

        Assert.Equal("first", thrown.Message);
        Assert.All(probes, p => Assert.Equal(1, p.Runs));
    }

    [Fact]
    public void Helping_a_finished_run_takes_nothing()
    {
        var probe = new Probe("T-001", () => Finding("T-001"));
        var run = new PolicyRun([probe], new PolicyFixture().Context(), []);
        var report = run.Finish();
        run.Help();
        Assert.Equal(1, probe.Runs);
        Assert.Single(report.Failed);
    }
}

using System.Runtime.ExceptionServices;
using Infra.Policies.Exemptions;

namespace Infra.Policies;

/// <summary>
/// One evaluation of a list of policies that more than one thread can work on: each thread that calls
/// <see cref="Help"/> or <see cref="Finish"/> takes the next policy nobody has taken, and <see cref="Finish"/> waits for
/// the ones others are still checking, then reports in the list's order, exactly as one thread would. <c>infra synth</c>'s
/// writer joins once the YAML is written, so the two cores share the policies instead of one waiting for the other.
/// Policies only read the program; what they cache is thread-safe.
/// </summary>
public sealed class PolicyRun
{
    private readonly IReadOnlyList<Policy> policies;
    private readonly PolicyContext context;
    private readonly IReadOnlyList<PolicyExemption> exemptions;
    private readonly PolicyOutcome?[] outcomes;
    private readonly ExceptionDispatchInfo?[] failures;
    private readonly CountdownEvent unfinished;
    private int taken;

    public PolicyRun(IReadOnlyList<Policy> policies, PolicyContext context, IReadOnlyList<PolicyExemption> exemptions)
    {
        this.policies = policies;
        this.context = context;
        this.exemptions = exemptions;
        outcomes = new PolicyOutcome?[policies.Count];
        failures = new ExceptionDispatchInfo?[policies.Count];
        unfinished = new CountdownEvent(policies.Count);
    }

    /// <summary>Checks policies until none is left to take. Call it from any thread, any number of times.</summary>
    public void Help()
    {
        for (var i = Interlocked.Increment(ref taken) - 1; i < policies.Count; i = Interlocked.Increment(ref taken) - 1)
        {
            try { outcomes[i] = policies[i].Evaluate(context); }
            catch (Exception e) { failures[i] = ExceptionDispatchInfo.Capture(e); }
            finally { unfinished.Signal(); }
        }
    }

    /// <summary>
    /// Helps until every policy is taken, waits for the rest, and reports. A policy that threw rethrows here, the first
    /// in the list's order, whichever thread ran it.
    /// </summary>
    public PolicyReport Finish()
    {
        Help();
        unfinished.Wait();
        foreach (var failure in failures) failure?.Throw();
        var results = new List<PolicyResult>(policies.Count);
        for (var i = 0; i < policies.Count; i++) results.Add(Result(policies[i], outcomes[i]!));
        return new PolicyReport(context.Identity.Stack, results, exemptions);
    }

    private PolicyResult Result(Policy policy, PolicyOutcome outcome)
    {
        var failed = new List<Violation>();
        var exempted = new List<ExemptedViolation>();
        foreach (var violation in outcome.Violations)
        {
            if (exemptions.FirstOrDefault(e => e.Matches(violation)) is { } exemption)
                exempted.Add(new ExemptedViolation(violation, exemption));
            else
                failed.Add(violation);
        }
        return new PolicyResult(policy, outcome.Checked, failed, exempted);
    }
}

using Infra.Synthesis;

namespace Infra.Policies;

/// <summary>A policy checked on each resource it applies to, independently of the others.</summary>
public abstract class ResourcePolicy : Policy
{
    /// <summary>Whether the resource is one this policy is about (usually by type token).</summary>
    protected abstract bool AppliesTo(Resource resource, PolicyContext context);

    /// <summary>The violations of one resource; empty when it complies.</summary>
    protected abstract IEnumerable<Violation> Check(Resource resource, PolicyContext context);

    public sealed override PolicyOutcome Evaluate(PolicyContext context)
    {
        // Loops, not LINQ: every rule looks at every resource. The subjects are chosen first, then checked.
        var subjects = new List<Resource>();
        foreach (var resource in context.Blueprint.Resources)
            if (AppliesTo(resource, context)) subjects.Add(resource);
        var violations = new List<Violation>();
        foreach (var subject in subjects) violations.AddRange(Check(subject, context));
        return new PolicyOutcome(subjects.Count, violations);
    }
}

/// <summary>A policy over the whole program: relations between resources, outputs, the stack's settings.</summary>
public abstract class ProgramPolicy : Policy
{
    /// <summary>How many subjects were checked, and the violations.</summary>
    protected abstract (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context);

    public sealed override PolicyOutcome Evaluate(PolicyContext context)
    {
        var (count, violations) = Check(context);
        return new PolicyOutcome(count, violations.ToList());
    }
}

namespace Infra.Constructs.Readiness;

/// <summary>What counts as a ready answer from a probe's path.</summary>
public enum ReadinessAnswer
{
    /// <summary>HTTP 200 with a non-empty JSON string: a RAFT leader's address (Nomad's and Consul's <c>/v1/status/leader</c>; <c>""</c> while there is none).</summary>
    Leader,
    /// <summary>HTTP 200 with the body <c>ok</c> (Kubernetes' <c>/readyz</c>).</summary>
    Ok,
    /// <summary>Any 2xx status (an ACL lookup of the gate's own token: the ACL system knows it). The body is never shown.</summary>
    Success,
}

/// <summary>One GET a gate makes against its API; a gate is ready when all of its probes, in order, give their ready answer.</summary>
public sealed record ReadinessProbe(string Path, ReadinessAnswer Answer)
{
    /// <summary>The probe as the script reads it: one <c>KIND PATH</c> line.</summary>
    public string Line => $"{Answer.ToString().ToLowerInvariant()} {Path}";
}

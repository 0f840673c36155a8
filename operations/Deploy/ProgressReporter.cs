using System.Globalization;

namespace Infra.Operations.Deploy;

/// <summary>
/// Turns engine events into progress lines: <c>[ 4/12] created aws:ec2/vpc:Vpc main</c>, failures,
/// errors and warnings, and a closing summary. Unchanged resources count towards progress silently.
/// </summary>
public sealed class ProgressReporter(TextWriter output, DeployOperation operation, int? expectedResources = null)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> finished = new(StringComparer.Ordinal);
    private readonly List<string> failures = [];
    private readonly List<string> errors = [];

    public IReadOnlyList<string> Failures => failures;

    /// <summary>Error diagnostics, in order: the reasons a run failed.</summary>
    public IReadOnlyList<string> Errors => errors;

    public SummaryEvent? Summary { get; private set; }

    public int Done => finished.Count;

    /// <summary>Steps known so far, or the program's resource count when that is larger (steps appear as they start).</summary>
    public int Total => Math.Max(seen.Count, expectedResources ?? 0);

    public void Handle(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case PreludeEvent:
                output.WriteLine($"pulumi {operation.Verb()}: started");
                break;
            case ResourcePreEvent { Planning: true } planned when IsChange(planned.Metadata.Op):
                seen.Add(planned.Metadata.Urn);
                output.WriteLine($"  plan: {planned.Metadata.Op,-8} {planned.Metadata.Type} {planned.Metadata.Name}{DiffNote(planned.Metadata)}");
                break;
            case ResourcePreEvent pre:
                seen.Add(pre.Metadata.Urn);
                if (operation == DeployOperation.Preview) break;
                if (IsChange(pre.Metadata.Op)) output.WriteLine($"{Counter()} {Ongoing(pre.Metadata.Op)} {pre.Metadata.Type} {pre.Metadata.Name}");
                break;
            case ResourceOutputsEvent done:
                seen.Add(done.Metadata.Urn);
                if (operation == DeployOperation.Preview) break;
                finished.Add(done.Metadata.Urn);
                if (IsChange(done.Metadata.Op)) output.WriteLine($"{Counter()} {Completed(done.Metadata.Op)} {done.Metadata.Type} {done.Metadata.Name}");
                break;
            case ResourceFailedEvent failed:
                seen.Add(failed.Metadata.Urn);
                finished.Add(failed.Metadata.Urn);
                var failure = $"{Ongoing(failed.Metadata.Op)} {failed.Metadata.Type} {failed.Metadata.Name}";
                failures.Add(failure);
                output.WriteLine($"{Counter()} FAILED {failure}");
                break;
            case DiagnosticEvent { Severity: "error" } diagnostic:
                var message = Located(diagnostic.Urn, diagnostic.Message);
                errors.Add(message);
                output.WriteLine($"error: {message}");
                break;
            case DiagnosticEvent { Severity: "warning", Ephemeral: false } warning:
                output.WriteLine($"warning: {Located(warning.Urn, warning.Message)}");
                break;
            case PolicyViolationEvent policy:
                output.WriteLine($"policy {policy.EnforcementLevel}: {policy.PolicyName}: {Located(policy.Urn, policy.Message)}");
                break;
            case EngineErrorEvent engineError:
                errors.Add(engineError.Message);
                output.WriteLine($"engine error: {engineError.Message}");
                break;
            case SummaryEvent summary:
                Summary = summary;
                output.WriteLine(DescribeSummary(summary));
                break;
        }
    }

    /// <summary>The closing line, e.g. <c>up finished in 42s: 3 created, 1 updated, 20 unchanged</c>.</summary>
    public string DescribeSummary(SummaryEvent summary)
    {
        var counts = summary.ResourceChanges
            .Where(change => change.Value > 0)
            .OrderBy(change => OpOrder(change.Key))
            .Select(change => $"{change.Value} {Outcome(change.Key, summary.IsPreview)}")
            .ToList();
        var what = counts.Count == 0 ? "no resources" : string.Join(", ", counts);
        var corrupt = summary.MaybeCorrupt ? " (WARNING: some resources may be in an unknown state; run `infra refresh`)" : "";
        var verb = summary.IsPreview ? "preview" : operation.Verb();
        return $"{verb} finished in {summary.DurationSeconds.ToString(CultureInfo.InvariantCulture)}s: {what}{corrupt}";
    }

    private string Counter()
    {
        var width = Total.ToString(CultureInfo.InvariantCulture).Length;
        return $"[{Done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{Total}]";
    }

    private static bool IsChange(string op) => op is not ("same" or "read" or "");

    private static string DiffNote(StepMetadata metadata) =>
        metadata.Diffs.Count == 0 ? "" : $" ({string.Join(", ", metadata.Diffs)})";

    private static string Located(string? urn, string message)
    {
        if (urn is null) return message;
        var at = urn.LastIndexOf("::", StringComparison.Ordinal);
        return $"{(at >= 0 ? urn[(at + 2)..] : urn)}: {message}";
    }

    private static string Ongoing(string op) => op switch
    {
        "create" => "creating",
        "update" => "updating",
        "delete" => "deleting",
        "replace" => "replacing",
        "create-replacement" => "creating replacement",
        "delete-replaced" => "deleting replaced",
        "refresh" => "refreshing",
        "import" => "importing",
        "discard" => "discarding",
        _ => op,
    };

    private static string Completed(string op) => op switch
    {
        "create" => "created",
        "update" => "updated",
        "delete" => "deleted",
        "replace" => "replaced",
        "create-replacement" => "created replacement",
        "delete-replaced" => "deleted replaced",
        "refresh" => "refreshed",
        "import" => "imported",
        "discard" => "discarded",
        _ => op,
    };

    private static string Outcome(string op, bool preview) => (op, preview) switch
    {
        ("same", _) => "unchanged",
        (_, true) => $"to {op}",
        _ => Completed(op),
    };

    private static int OpOrder(string op) => op switch
    {
        "create" => 0,
        "update" => 1,
        "replace" => 2,
        "delete" => 3,
        "same" => 9,
        _ => 5,
    };
}

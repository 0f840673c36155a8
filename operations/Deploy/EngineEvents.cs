namespace Infra.Operations.Deploy;

// The subset of Pulumi's engine events (sdk/go/common/apitype/events.go) that progress output needs.
// One JSON object per line in the file given to `pulumi ... --event-log`; exactly one event field is set.

/// <summary>A step's description: <c>metadata</c> of resourcePreEvent, resOutputsEvent and resOpFailedEvent.</summary>
/// <param name="Op">same, create, update, delete, replace, create-replacement, delete-replaced, read, refresh, import...</param>
public sealed record StepMetadata(string Op, string Urn, string Type, IReadOnlyList<string> Diffs)
{
    /// <summary>The logical name: the last <c>::</c> segment of the URN.</summary>
    public string Name => Urn.LastIndexOf("::", StringComparison.Ordinal) is var at and >= 0 ? Urn[(at + 2)..] : Urn;
}

public abstract record EngineEvent(int Sequence, long Timestamp);

/// <summary>preludeEvent: the operation starts; carries the stack config (secrets blinded).</summary>
public sealed record PreludeEvent(int Sequence, long Timestamp, IReadOnlyDictionary<string, string> Config)
    : EngineEvent(Sequence, Timestamp);

/// <summary>resourcePreEvent: a step is about to run (or, with Planning, is planned by a preview).</summary>
public sealed record ResourcePreEvent(int Sequence, long Timestamp, StepMetadata Metadata, bool Planning)
    : EngineEvent(Sequence, Timestamp);

/// <summary>resOutputsEvent: a step finished.</summary>
public sealed record ResourceOutputsEvent(int Sequence, long Timestamp, StepMetadata Metadata, bool Planning)
    : EngineEvent(Sequence, Timestamp);

/// <summary>resOpFailedEvent: a step failed; a diagnosticEvent before it usually says why.</summary>
public sealed record ResourceFailedEvent(int Sequence, long Timestamp, StepMetadata Metadata, int Status, int Steps)
    : EngineEvent(Sequence, Timestamp);

/// <summary>diagnosticEvent; Severity is info, info#err, warning or error.</summary>
public sealed record DiagnosticEvent(int Sequence, long Timestamp, string? Urn, string Message, string Severity, bool Ephemeral)
    : EngineEvent(Sequence, Timestamp);

/// <summary>policyEvent: a policy pack reported a violation.</summary>
public sealed record PolicyViolationEvent(int Sequence, long Timestamp, string? Urn, string PolicyName, string Message, string EnforcementLevel)
    : EngineEvent(Sequence, Timestamp);

/// <summary>summaryEvent: the operation ended; ResourceChanges counts steps by op.</summary>
public sealed record SummaryEvent(int Sequence, long Timestamp, IReadOnlyDictionary<string, int> ResourceChanges, int DurationSeconds, bool IsPreview, bool MaybeCorrupt)
    : EngineEvent(Sequence, Timestamp);

/// <summary>cancelEvent: the last event of a run, cancelled or complete.</summary>
public sealed record CancelEvent(int Sequence, long Timestamp) : EngineEvent(Sequence, Timestamp);

/// <summary>stdoutEvent: a message the CLI itself wrote.</summary>
public sealed record StdoutEvent(int Sequence, long Timestamp, string Message) : EngineEvent(Sequence, Timestamp);

/// <summary>errorEvent: an internal engine error.</summary>
public sealed record EngineErrorEvent(int Sequence, long Timestamp, string Message) : EngineEvent(Sequence, Timestamp);

/// <summary>Any event this version does not interpret (progressEvent, policy summaries...): kept, not shown.</summary>
public sealed record OtherEvent(int Sequence, long Timestamp, string Kind) : EngineEvent(Sequence, Timestamp);

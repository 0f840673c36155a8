using System.Text.RegularExpressions;

namespace Infra.Platform.Binary;

/// <summary>When a launch of the platform binary must pass a setting.</summary>
public enum SettingUse
{
    /// <summary>Every launch, in every tier.</summary>
    Always,
    /// <summary>A server whose Services keep their data in PostgreSQL (laptop, onprem3): all of these, or none.</summary>
    Database,
    /// <summary>A server whose Services keep their data in the binary's own RAFT store (dc9, global): all of these, or none.</summary>
    Raft,
    /// <summary>A server of a tier that runs the NATS super-cluster (global): all of these, or none.</summary>
    Messaging,
    /// <summary>When traces are exported (<c>OTEL_TRACES_EXPORTER=otlp</c>).</summary>
    Otlp,
    /// <summary>May be left out.</summary>
    Optional,
}

/// <summary>
/// One setting of the platform binary: its environment variable, its flag when it has one (then the
/// binary is given the same value both ways), when a launch must pass it, and what it means.
/// A <see cref="PerService"/> setting has one variable per Service: <c>PLATFORM_DB_&lt;SERVICE&gt;_NAME</c>.
/// </summary>
public sealed partial record BinarySetting(string Key, string? Flag, string Variable, SettingUse Use, bool Secret, string Meaning, string Example)
{
    public const string ServicePlaceholder = "<SERVICE>";

    public bool PerService => Variable.Contains(ServicePlaceholder, StringComparison.Ordinal);

    /// <summary>The variable for one Service: upper case, '-' as '_' (<c>billing-eu</c> gives <c>PLATFORM_DB_BILLING_EU_NAME</c>).</summary>
    public string VariableFor(string service) =>
        Variable.Replace(ServicePlaceholder, service.ToUpperInvariant().Replace('-', '_'), StringComparison.Ordinal);

    /// <summary>True when <paramref name="variable"/> is this setting's variable (for a per-Service one, of any Service).</summary>
    public bool Names(string variable)
    {
        if (!PerService) return variable == Variable;
        var (prefix, suffix) = (Variable[..Variable.IndexOf('<')], Variable[(Variable.IndexOf('>') + 1)..]);
        return variable.Length > prefix.Length + suffix.Length && variable.StartsWith(prefix, StringComparison.Ordinal) &&
               variable.EndsWith(suffix, StringComparison.Ordinal) &&
               ServiceSegment().IsMatch(variable[prefix.Length..^suffix.Length]);
    }

    public override string ToString() => Flag ?? Variable;

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex ServiceSegment();
}

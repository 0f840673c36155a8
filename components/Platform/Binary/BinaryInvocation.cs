using System.Text.RegularExpressions;

namespace Infra.Platform.Binary;

/// <summary>
/// A launch of the platform binary read back strictly through its one definition
/// (<see cref="PlatformBinary.Settings"/>), as a binary that parses its flags strictly would:
/// every argument is a known <c>--flag=value</c> given once, every <c>PLATFORM_*</c>/<c>OTEL_*</c>
/// variable is a known setting, a flag setting arrives both ways with one value, and what a launch must
/// pass is there: the settings every launch needs, and exactly one data store (PostgreSQL or RAFT) with
/// all of its settings. A value that is a reference (<c>${...}</c>) is checked for presence only.
/// </summary>
public sealed partial class BinaryInvocation
{
    private readonly Dictionary<string, string> flags;
    private readonly Dictionary<string, string> variables;
    private readonly List<string> problems;

    private BinaryInvocation(Dictionary<string, string> flags, Dictionary<string, string> variables, List<string> problems)
    {
        this.flags = flags;
        this.variables = variables;
        this.problems = problems;
    }

    /// <summary>Flag → value, as given.</summary>
    public IReadOnlyDictionary<string, string> Flags => flags;

    /// <summary>The binary's variables (<see cref="PlatformBinary.VariablePrefixes"/>) → value, as given.</summary>
    public IReadOnlyDictionary<string, string> Variables => variables;

    /// <summary>What is wrong with the launch; empty when the binary would accept it.</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>A setting's value: its flag's, else its variable's; null when not given.</summary>
    public string? Value(BinarySetting setting) =>
        setting.Flag is { } flag && flags.TryGetValue(flag, out var value) && !IsReference(value) ? value : variables.GetValueOrDefault(setting.Variable);

    /// <param name="arguments">Everything after the binary's path (a container's command; ExecStart's words after the first).</param>
    /// <param name="environment">Every variable the process starts with; other than the binary's, they are ignored.</param>
    public static BinaryInvocation Parse(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var problems = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var match = FlagShape().Match(argument);
            if (!match.Success)
            {
                problems.Add($"argument '{argument}' is not --flag=value: the binary takes no positional arguments and no bare flags.");
                continue;
            }
            var flag = match.Groups["flag"].Value;
            if (PlatformBinary.ByFlag(flag) is null)
                problems.Add($"unknown flag {flag}; the binary's flags are {string.Join(", ", PlatformBinary.Settings.Select(s => s.Flag).OfType<string>())}.");
            else if (!flags.TryAdd(flag, match.Groups["value"].Value))
                problems.Add($"flag {flag} is given twice.");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (!PlatformBinary.VariablePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) continue;
            if (PlatformBinary.ByVariable(name) is null)
                problems.Add($"unknown variable {name}: not a setting of the binary (components/Platform/PlatformBinary.cs).");
            else if (!variables.TryAdd(name, value))
                problems.Add($"variable {name} is set twice.");
        }

        var invocation = new BinaryInvocation(flags, variables, problems);
        invocation.CheckFlagSettings();
        invocation.CheckRequired();
        invocation.CheckValues();
        return invocation;
    }

    private void CheckFlagSettings()
    {
        foreach (var setting in PlatformBinary.Settings.Where(s => s.Flag is not null))
        {
            var hasFlag = flags.TryGetValue(setting.Flag!, out var flagValue);
            var hasVariable = variables.TryGetValue(setting.Variable, out var variableValue);
            if (hasFlag && IsReference(flagValue!) && flagValue != $"${{{setting.Variable}}}")
                problems.Add($"{setting.Flag}={flagValue} refers to another variable than its own {setting.Variable}.");
            else if (hasFlag && !hasVariable)
                problems.Add($"{setting.Flag} is given without {setting.Variable}: the binary is told each flag setting both ways.");
            else if (hasVariable && !hasFlag)
                problems.Add($"{setting.Variable} is set without {setting.Flag}: the binary is told each flag setting both ways.");
            else if (hasFlag && !IsReference(flagValue!) && flagValue != variableValue)
                problems.Add($"{setting.Flag}={flagValue} but {setting.Variable}={variableValue}: one setting, two values.");
        }
    }

    private bool Given(BinarySetting setting) =>
        setting.PerService ? variables.Keys.Any(setting.Names) : setting.Flag is { } flag ? flags.ContainsKey(flag) : variables.ContainsKey(setting.Variable);

    private void CheckRequired()
    {
        foreach (var setting in PlatformBinary.Settings.Where(s => s.Use == SettingUse.Always && !Given(s)))
            problems.Add($"{setting} is missing; every launch passes it ({setting.Meaning})");

        var database = PlatformBinary.Settings.Where(s => s.Key.StartsWith("db-", StringComparison.Ordinal)).Any(Given);
        var raft = PlatformBinary.Settings.Where(s => s.Use == SettingUse.Raft).Any(Given);
        if (database && raft)
            problems.Add("both PostgreSQL (PLATFORM_DB_*) and RAFT (--raft-*) settings are given: a server keeps its data in one store.");
        else if (!database && !raft)
            problems.Add("no data store: pass the PostgreSQL settings (PLATFORM_DB_*) or the RAFT ones (--raft-addr, --raft-peers-file, --data-dir).");
        var store = database ? SettingUse.Database : raft ? SettingUse.Raft : (SettingUse?)null;
        foreach (var setting in PlatformBinary.Settings.Where(s => s.Use == store && !s.PerService && !Given(s)))
            problems.Add($"{setting} is missing; a server with a {(database ? "PostgreSQL" : "RAFT")} store passes it ({setting.Meaning})");

        if (database && Value(PlatformBinary.Services) is { } csv && !IsReference(csv))
        {
            var services = Split(csv);
            foreach (var service in services.Where(s => !variables.ContainsKey(PlatformBinary.DbName.VariableFor(s))))
                problems.Add($"{PlatformBinary.DbName.VariableFor(service)} is missing: Service '{service}' runs here and owns its own database.");
            foreach (var setting in new[] { PlatformBinary.DbName, PlatformBinary.DbUrl })
            {
                var expected = services.Select(setting.VariableFor).ToHashSet(StringComparer.Ordinal);
                foreach (var extra in variables.Keys.Where(v => setting.Names(v) && !expected.Contains(v)))
                    problems.Add($"{extra} is for a Service this server does not run ({PlatformBinary.Services.Flag}={csv}).");
            }
        }
        var messaging = PlatformBinary.Settings.Where(s => s.Use == SettingUse.Messaging).ToList();
        if (messaging.Any(Given))
            foreach (var setting in messaging.Where(s => !Given(s)))
                problems.Add($"{setting} is missing; a server that uses NATS passes all of {string.Join(", ", messaging.Select(s => s.Variable))} ({setting.Meaning})");
        var exporter = Value(PlatformBinary.TracesExporter);
        if (exporter == "otlp" && !Given(PlatformBinary.OtlpEndpoint))
            problems.Add($"{PlatformBinary.TracesExporter.Variable}=otlp without {PlatformBinary.OtlpEndpoint.Variable}.");
        if (exporter == "none" && Given(PlatformBinary.OtlpEndpoint))
            problems.Add($"{PlatformBinary.OtlpEndpoint.Variable} is set but {PlatformBinary.TracesExporter.Variable}=none.");
    }

    private void CheckValues()
    {
        void OneOf(BinarySetting setting, params string[] allowed)
        {
            if (Value(setting) is { } value && !IsReference(value) && !allowed.Contains(value))
                problems.Add($"{setting.Variable}={value} is not one of {string.Join(", ", allowed)}.");
        }
        OneOf(PlatformBinary.Environment, "dev", "staging", "production");
        OneOf(PlatformBinary.LogLevel, "debug", "info", "warn", "error");
        OneOf(PlatformBinary.LogFormat, "json");
        OneOf(PlatformBinary.TracesExporter, "otlp", "none");
        if (Value(PlatformBinary.Services) is { } services && !IsReference(services) && Split(services).Count == 0)
            problems.Add($"{PlatformBinary.Services.Flag} is empty: an empty list is never \"run everything\".");
        if (Value(PlatformBinary.NatsUrls) is { } urls && !IsReference(urls) && BinaryMessaging.ParseUrls(urls, out var urlProblem) is null)
            problems.Add($"{PlatformBinary.NatsUrls.Variable} {urlProblem}.");
        foreach (var setting in new[] { PlatformBinary.HttpAddr, PlatformBinary.BusAddr, PlatformBinary.RaftAddr })
            if (Value(setting) is { } address && !IsReference(address) && !ListenAddress().IsMatch(address))
                problems.Add($"{setting.Flag}={address} is not a listen address [HOST]:PORT.");
    }

    public static IReadOnlyList<string> Split(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A value known only at deployment or start: a Pulumi or systemd reference.</summary>
    public static bool IsReference(string value) => value.Contains("${", StringComparison.Ordinal);

    [GeneratedRegex("^(?<flag>--[a-z0-9][a-z0-9-]*)=(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex FlagShape();

    [GeneratedRegex(@"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]*):[0-9]{1,5}$")]
    private static partial Regex ListenAddress();
}

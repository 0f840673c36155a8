using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Operations;
using Infra.Operations.Diff;
using Infra.Operations.Schedule;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;
using Infra.Stacks;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra stacks [--format text|json]</c>: every stack file with what CI needs to know about it (tier,
/// environment, deploy on push, schedule, expiry, the credentials a real preview or deploy needs), read
/// with the rules synthesis uses, so the workflows never grep YAML.
/// </summary>
public static partial class StacksCommand
{
    /// <summary>One stack as the workflows see it.</summary>
    public sealed record StackInfo(
        string Name,
        string? Tier,
        bool Available,
        string? Environment,
        bool DeployOnPush,
        bool Schedule,
        string? ExpiresOn,
        IReadOnlyList<string> Credentials,
        string? Error);

    public static Command Create(ISynthesizer synthesizer)
    {
        var format = new Option<string>("--format")
        {
            Description = "text (a table) or json (an array of {name, tier, available, environment, deployOnPush, schedule, expiresOn, credentials, error}).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("stacks",
            "List every stack file (Pulumi.STACK.yaml) with its tier, environment, whether it deploys on push to main, whether it " +
            "has a schedule or an expiry, and which credentials a real preview or deploy needs (aws, cloudflare, ssh: a self-hosted " +
            "runner that reaches the hosts, local-docker: a laptop). A stack whose config is invalid is listed with its error " +
            "(never with a config value) and never counts as deploying on push. " + ExitCodes.Help)
        {
            format, projectDir,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
            var stacks = List(root, synthesizer);
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(ToJson(stacks));
            }
            else
            {
                foreach (var s in stacks)
                {
                    output.WriteLine($"{s.Name}: tier {s.Tier ?? "?"}, {s.Environment ?? "?"}, deployOnPush {(s.DeployOnPush ? "yes" : "no")}, " +
                                     $"schedule {(s.Schedule ? "yes" : "no")}{(s.ExpiresOn is null ? "" : $", expires {s.ExpiresOn}")}, " +
                                     $"credentials: {(s.Credentials.Count == 0 ? "none" : string.Join(", ", s.Credentials))}" +
                                     (s.Error is null ? "" : $"; error: {s.Error}"));
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every stack file of the project, by name (ordinal).</summary>
    public static IReadOnlyList<StackInfo> List(string root, ISynthesizer synthesizer) =>
        Directory.GetFiles(root, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .Select(file => StackFileName().Match(file!))
            .Where(match => match.Success)
            .Select(match => match.Groups["stack"].Value)
            .Order(StringComparer.Ordinal)
            .Select(stack => Describe(root, stack, synthesizer))
            .ToList();

    private static StackInfo Describe(string root, string stack, ISynthesizer synthesizer)
    {
        string? tier = null, environment = null, expiresOn = null, problem = null;
        bool deployOnPush = false, schedule = false, available = false;
        var credentials = new List<string>();
        try
        {
            var config = StackConfigFile.Load(root, stack);
            tier = config.Tier ?? (TierNames.Contains(stack) ? stack : null);
            available = tier is not null && Infra.Stacks.TierRegistry.Available.Any(t => string.Equals(TierShape.Of(t.Tier).Name, tier, StringComparison.Ordinal));
            environment = config.Environment.ToString().ToLowerInvariant();
            schedule = config.Schedule is not null;
            expiresOn = config.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var program = ProgramDocument.Parse(synthesizer.Synthesize(root, stack), "head");
            var providers = program.Resources.Values.Select(ProgramDocument.TypeOf)
                .Where(type => type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
                .Select(type => type["pulumi:providers:".Length..])
                .ToHashSet(StringComparer.Ordinal);
            // Valid config only: a stack that cannot be synthesized must never deploy on push.
            deployOnPush = config.DeployOnPush;
            if (providers.Contains("aws")) credentials.Add("aws");
            if (providers.Contains("cloudflare")) credentials.Add("cloudflare");
            if (tier == "onprem3") credentials.Add("ssh");
            if (tier == "laptop") credentials.Add("local-docker");
        }
        catch (Exception failure) when (failure is ConfigException or Infra.Synthesis.SynthesisException or Infra.Policies.PolicyViolationException
                                          or ScheduleConfigException or InvalidDataException or ProgramParseException)
        {
            problem = failure.Message.ReplaceLineEndings(" ");
        }
        return new StackInfo(stack, tier, available, environment, deployOnPush, schedule, expiresOn, credentials, problem);
    }

    private static readonly HashSet<string> TierNames = ["laptop", "onprem3", "dc9", "global"];

    public static string ToJson(IReadOnlyList<StackInfo> stacks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var s in stacks)
            {
                json.WriteStartObject();
                json.WriteString("name", s.Name);
                WriteNullable(json, "tier", s.Tier);
                json.WriteBoolean("available", s.Available);
                WriteNullable(json, "environment", s.Environment);
                json.WriteBoolean("deployOnPush", s.DeployOnPush);
                json.WriteBoolean("schedule", s.Schedule);
                WriteNullable(json, "expiresOn", s.ExpiresOn);
                json.WriteStartArray("credentials");
                foreach (var c in s.Credentials) json.WriteStringValue(c);
                json.WriteEndArray();
                WriteNullable(json, "error", s.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    [GeneratedRegex(@"^Pulumi\.(?<stack>[A-Za-z0-9_.-]+)\.yaml$")]
    private static partial Regex StackFileName();
}

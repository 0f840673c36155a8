using System.Text.Json;
using Infra.Operations.Schedule;

namespace Infra.Operations.Deploy;

/// <summary>
/// Reads what the schedule compares with: whether a stack has resources (<c>pulumi stack ls --json</c>,
/// its <c>resourceCount</c>) and its tags (<c>pulumi stack tag ls --json</c>, where holds live), and
/// writes hold tags. It never creates a stack: a stack missing from the backend is down, with no tags.
/// </summary>
public sealed class PulumiStackState(IProcessRunner runner, string projectRoot)
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
    };

    public sealed record Snapshot(bool Exists, ActualState State, IReadOnlyDictionary<string, string> Tags);

    public async Task<Snapshot> ReadAsync(string stack, CancellationToken cancellationToken = default)
    {
        var listed = await Run(["stack", "ls", "--json", "--non-interactive"], "list the stacks", cancellationToken);
        var entry = FindStack(listed, stack);
        if (entry is null) return new Snapshot(false, ActualState.Down, new Dictionary<string, string>());
        var count = entry.Value.TryGetProperty("resourceCount", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        var tagsJson = await Run(["stack", "tag", "ls", "--stack", stack, "--json", "--non-interactive"], $"read the tags of stack '{stack}'", cancellationToken);
        return new Snapshot(true, count > 0 ? ActualState.Up : ActualState.Down, ParseTags(tagsJson, stack));
    }

    public Task SetTagAsync(string stack, string name, string value, CancellationToken cancellationToken = default) =>
        Run(["stack", "tag", "set", name, value, "--stack", stack, "--non-interactive"], $"set tag {name} on stack '{stack}'", cancellationToken);

    public Task RemoveTagAsync(string stack, string name, CancellationToken cancellationToken = default) =>
        Run(["stack", "tag", "rm", name, "--stack", stack, "--non-interactive"], $"remove tag {name} from stack '{stack}'", cancellationToken);

    private async Task<string> Run(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessSpec(PulumiCommandLines.Executable, arguments, projectRoot, Environment), null, null, cancellationToken);
        if (result.ExitCode != 0)
        {
            var detail = result.StandardError.Trim().Length > 0 ? result.StandardError.Trim() : result.StandardOutput.Trim();
            throw new StackStateException($"pulumi could not {what} (exit code {result.ExitCode}): {detail}");
        }
        return result.StandardOutput;
    }

    /// <summary>Pulumi Cloud lists stacks as <c>org/project/stack</c> or <c>stack</c>; the last part is the name.</summary>
    private static JsonElement? FindStack(string json, string stack)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var name = item.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                if (name == stack || name.EndsWith("/" + stack, StringComparison.Ordinal)) return item.Clone();
            }
            return null;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            throw new StackStateException($"`pulumi stack ls --json` printed something that is not a list of stacks: {error.Message}");
        }
    }

    private static Dictionary<string, string> ParseTags(string json, string stack)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            throw new StackStateException($"`pulumi stack tag ls --stack {stack} --json` printed something that is not an object of tags: {error.Message}");
        }
    }
}

/// <summary>Pulumi could not tell a stack's state; the stack is reported and skipped, never guessed.</summary>
public sealed class StackStateException(string message) : Exception(message);

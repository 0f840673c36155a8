namespace Infra.Operations.Deploy;

/// <summary>Environment variables added for every Pulumi call of one request.</summary>
public static class PulumiEnvironment
{
    public const string BackendVariable = "PULUMI_BACKEND_URL";

    /// <param name="current">The caller's environment (injected so tests do not depend on the machine).</param>
    public static Dictionary<string, string> For(DeployRequest request, IReadOnlyDictionary<string, string?> current)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Automation API does the same: no "a new version is available" chatter in CI logs.
            ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
        };
        // The laptop stack keeps its state beside the project, unless the user chose a backend.
        if (request.Tier == "laptop" && string.IsNullOrEmpty(current.GetValueOrDefault(BackendVariable)))
        {
            environment[BackendVariable] = LocalBackendUrl(request.ProjectRoot);
        }
        return environment;
    }

    public static string LocalBackendUrl(string projectRoot) =>
        "file://" + Path.Combine(Path.GetFullPath(projectRoot), ".pulumi").Replace('\\', '/');

    public static IReadOnlyDictionary<string, string?> Current() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}

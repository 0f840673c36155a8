using System.Text.Json.Nodes;
using Infra.Platform.Configuration;

namespace Infra.Operations;

/// <summary>Reads the project's name from <c>Pulumi.yaml</c>: the second part of every URN.</summary>
public static class PulumiProject
{
    /// <summary>The <c>name</c> in <c>Pulumi.yaml</c>; null when the file or the key is missing or unreadable.</summary>
    public static string? Name(string projectRoot)
    {
        var path = Path.Combine(projectRoot, "Pulumi.yaml");
        if (!File.Exists(path)) return null;
        var project = ConfigYaml.ParseValue(File.ReadAllText(path), out var problem);
        return problem is null && project is JsonObject root && ConfigShape.ScalarText(root["name"]) is { Length: > 0 } name ? name : null;
    }
}

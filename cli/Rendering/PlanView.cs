using System.Text;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Cli.Rendering;

/// <summary>A readable tree of a blueprint: components with their resources, type counts and outputs.</summary>
public static class PlanView
{
    public static string Render(Blueprint blueprint)
    {
        var text = new StringBuilder();
        text.Append($"Stack {blueprint.Title}: {blueprint.Resources.Count} resources").AppendLine();
        if (blueprint.Description is { } description) text.Append(description).AppendLine();
        text.AppendLine();

        var width = blueprint.Resources.Count == 0 ? 0 : blueprint.Resources.Max(r => r.Name.Length) + 2;
        var groups = blueprint.Resources.GroupBy(r => r.Scope).ToList();
        foreach (var group in groups)
        {
            var scope = group.Key;
            var depth = Depth(scope);
            var title = scope is Blueprint ? "(stack root)" : $"{scope.Id} ({scope.Kind})";
            text.Append(new string(' ', depth * 2)).Append(title).AppendLine();
            foreach (var resource in group)
            {
                var version = resource.Options.Version is { } v ? $" {v}" : "";
                var flags = Flags(resource.Options);
                text.Append(new string(' ', depth * 2 + 2))
                    .Append(resource.Name.PadRight(width)).Append(resource.Type).Append(version).Append(flags).AppendLine();
            }
        }

        text.AppendLine().AppendLine("Resource types:");
        foreach (var type in blueprint.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.Append($"  {type.Count(),4}  {type.Key}").AppendLine();

        if (blueprint.Config.Count > 0)
        {
            text.AppendLine().AppendLine("Config read at deployment:");
            foreach (var config in blueprint.Config)
                text.Append($"  {config.Key} ({config.Type.ToString().ToLowerInvariant()}{(config.Secret ? ", secret" : "")})").AppendLine();
        }

        if (blueprint.Outputs.Count > 0)
        {
            text.AppendLine().AppendLine("Outputs:");
            foreach (var (name, value) in blueprint.Outputs) text.Append($"  {name} = {Describe(value)}").AppendLine();
        }
        return text.ToString();
    }

    private static int Depth(Scope scope)
    {
        var depth = 0;
        for (var s = scope.Parent; s is not null; s = s.Parent) depth++;
        return depth;
    }

    private static string Flags(ResourceOptions options)
    {
        var flags = new List<string>();
        if (options.Protect == true) flags.Add("protected");
        if (options.RetainOnDelete == true) flags.Add("retained on delete");
        return flags.Count == 0 ? "" : $"  [{string.Join(", ", flags)}]";
    }

    private static string Describe(Expr value) => value switch
    {
        StringLiteral s => s.Value.Length > 100 ? s.Value[..97] + "..." : s.Value,
        NumberLiteral n => n.Text,
        BoolLiteral b => b.Value ? "true" : "false",
        Reference r => "${" + r.Text + "} (known after deployment)",
        ListExpr l => "[" + string.Join(", ", l.Items.Select(Describe)) + "]",
        ObjectExpr o => "{" + string.Join(", ", o.Entries.Select(e => $"{e.Key}: {Describe(e.Value)}")) + "}",
        FunctionCall { Name: "fn::secret" } => "[secret]",
        _ => "(computed at deployment)",
    };
}

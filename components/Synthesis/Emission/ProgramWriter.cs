using Infra.Synthesis.Expressions;
using YamlDotNet.Core;

namespace Infra.Synthesis.Emission;

/// <summary>
/// Writes a <see cref="Blueprint"/> as a Pulumi YAML program, in the block style of YamlDotNet's emitter
/// (<see cref="BlockYamlWriter"/>). The output depends only on the blueprint: no clocks, no hashing order,
/// invariant culture.
/// </summary>
internal sealed class ProgramWriter
{
    private readonly BlockYamlWriter yaml;

    private ProgramWriter(BlockYamlWriter yaml) => this.yaml = yaml;

    public static ProgramText Write(Blueprint blueprint)
    {
        if (blueprint.Dependencies.FindCycle() is { } cycle)
            throw new SynthesisException(
                $"The program of '{blueprint.Title}' has a dependency cycle: {string.Join(" → ", cycle)} (through references, " +
                "dependsOn, providers and parents). Pulumi YAML refuses such a program before it creates anything; remove the " +
                "dependsOn, reference or explicit parent that closes the loop.");
        // No capacity up front: the builder then grows in chunks below the large-object heap's threshold, and the
        // program is copied out chunk by chunk. One large buffer (and one large string) made a 900-server program
        // trigger full garbage collections of the whole blueprint.
        var writer = new ProgramWriter(new BlockYamlWriter());
        writer.WriteProgram(blueprint);
        writer.yaml.EndWithLineBreak();
        return new ProgramText(writer.yaml);
    }

    private void WriteProgram(Blueprint blueprint)
    {
        yaml.BeginDocument();
        yaml.Comment($"Synthesized by 'infra synth' for stack {blueprint.Title}. Do not edit: change the C# and synthesize again.");
        if (blueprint is { Description: null, Config.Count: 0, Variables.Count: 0, Resources.Count: 0, Outputs.Count: 0 })
        {
            yaml.EmptyMapping(); // an empty program is `{}`, as YamlDotNet's emitter wrote it
            yaml.EndDocument();
            return;
        }
        BeginMapping();
        if (blueprint.Description is { } description) Entry("description", () => Plain(description));
        if (blueprint.Config.Count > 0) Entry("config", () => WriteConfig(blueprint.Config));
        if (blueprint.Variables.Count > 0) Entry("variables", () => WriteEntries(blueprint.Variables));
        if (blueprint.Resources.Count > 0)
        {
            Entry("resources", () =>
            {
                BeginMapping();
                foreach (var resource in blueprint.Resources) Entry(resource.Name, () => WriteResource(resource));
                EndMapping();
            });
        }
        if (blueprint.Outputs.Count > 0) Entry("outputs", () => WriteEntries(blueprint.Outputs));
        EndMapping();
        yaml.EndDocument();
    }

    private void WriteConfig(IReadOnlyList<ConfigDeclaration> config)
    {
        BeginMapping();
        foreach (var declaration in config)
        {
            Entry(declaration.Key, () =>
            {
                BeginMapping();
                Entry("type", () => WriteExpr(new StringLiteral(declaration.Type.WireName())));
                if (declaration.Secret) Entry("secret", () => WriteExpr(new BoolLiteral(true)));
                EndMapping();
            });
        }
        EndMapping();
    }

    private void WriteEntries(IReadOnlyList<KeyValuePair<string, Expr>> entries)
    {
        BeginMapping();
        foreach (var (key, value) in entries) Entry(key, () => WriteExpr(value));
        EndMapping();
    }

    private void WriteResource(Resource resource)
    {
        BeginMapping();
        Entry("type", () => Plain(resource.Type));
        if (resource.Properties.Entries.Count > 0) Entry("properties", () => WriteExpr(resource.Properties));
        WriteOptions(resource.Options, resource.Parent);
        if (resource.Get is { } get)
        {
            Entry("get", () =>
            {
                BeginMapping();
                Entry("id", () => WriteExpr(get.Id));
                if (get.State is { } state) Entry("state", () => WriteExpr(state));
                EndMapping();
            });
        }
        EndMapping();
    }

    private void WriteOptions(ResourceOptions options, Resource? parent)
    {
        var entries = new List<KeyValuePair<string, Expr>>();
        void Add(string key, Expr? value) { if (value is not null) entries.Add(new(key, value)); }
        Expr? Names(IReadOnlyList<string> names) => names.Count == 0 ? null : new ListExpr(names.Select(n => (Expr)new StringLiteral(n)).ToList());

        Add("provider", options.Provider?.Self);
        Add("parent", parent?.Self);
        Add("dependsOn", options.DependsOn.Count == 0 ? null : new ListExpr(options.DependsOn.Select(r => (Expr)r.Self).ToList()));
        Add("protect", options.Protect is { } protect ? new BoolLiteral(protect) : null);
        Add("retainOnDelete", options.RetainOnDelete is { } retain ? new BoolLiteral(retain) : null);
        Add("deleteBeforeReplace", options.DeleteBeforeReplace is { } dbr ? new BoolLiteral(dbr) : null);
        Add("deletedWith", options.DeletedWith?.Self);
        Add("ignoreChanges", Names(options.IgnoreChanges));
        Add("replaceOnChanges", Names(options.ReplaceOnChanges));
        Add("additionalSecretOutputs", Names(options.AdditionalSecretOutputs));
        Add("aliases", Names(options.Aliases));
        if (options.CustomTimeouts is { } timeouts)
        {
            var parts = new List<KeyValuePair<string, Expr>>();
            if (timeouts.Create is { } create) parts.Add(new("create", create));
            if (timeouts.Update is { } update) parts.Add(new("update", update));
            if (timeouts.Delete is { } delete) parts.Add(new("delete", delete));
            Add("customTimeouts", new ObjectExpr(parts));
        }
        Add("import", options.Import is { } import ? new StringLiteral(import) : null);
        Add("version", options.Version is { } version ? new StringLiteral(version) : null);
        if (entries.Count > 0) Entry("options", () => WriteExpr(new ObjectExpr(entries)));
    }

    private void WriteExpr(Expr expr)
    {
        switch (expr)
        {
            case StringLiteral { Value: var text }:
                Scalar(ScalarText.Escape(text));
                break;
            case NumberLiteral number:
                yaml.Scalar(number.Text, ScalarStyle.Plain);
                break;
            case BoolLiteral { Value: var flag }:
                yaml.Scalar(flag ? "true" : "false", ScalarStyle.Plain);
                break;
            case NullLiteral:
                yaml.Scalar("null", ScalarStyle.Plain);
                break;
            case Reference reference:
                Scalar("${" + reference.Text + "}");
                break;
            case Interpolation interpolation:
                Scalar(ScalarText.Interpolation(interpolation.Parts.Select(p => p switch
                {
                    Reference r => (r.Text, true),
                    StringLiteral s => (s.Value, false),
                    _ => throw new InvalidOperationException("Interpolation parts are checked on construction."),
                })));
                break;
            case ListExpr { Items.Count: 0 }:
                yaml.EmptySequence();
                break;
            case ListExpr list:
                yaml.BeginSequence();
                foreach (var item in list.Items) WriteExpr(item);
                yaml.EndSequence();
                break;
            case ObjectExpr { Entries.Count: 0 }:
                yaml.EmptyMapping();
                break;
            case ObjectExpr obj:
                BeginMapping();
                foreach (var (key, value) in obj.Entries)
                {
                    if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
                        throw new SynthesisException(
                            $"The object key '{key}' would be read as a built-in function call; use Fn.* to call a function.");
                    Key(ScalarText.Escape(key));
                    WriteExpr(value);
                }
                EndMapping();
                break;
            case FunctionCall call:
                BeginMapping();
                Key(call.Name);
                WriteExpr(call.Argument);
                EndMapping();
                break;
            case Invoke invoke:
                WriteInvoke(invoke);
                break;
            default:
                throw new InvalidOperationException($"No emitter for {expr.GetType().Name}.");
        }
    }

    private void WriteInvoke(Invoke invoke)
    {
        BeginMapping();
        Entry("fn::invoke", () =>
        {
            BeginMapping();
            Entry("function", () => Plain(invoke.Function));
            Entry("arguments", () => WriteExpr(invoke.Arguments));
            Entry("options", () =>
            {
                BeginMapping();
                Entry("provider", () => WriteExpr(invoke.Provider));
                Entry("version", () => Plain(invoke.Version));
                EndMapping();
            });
            if (invoke.Return is { } returns) Entry("return", () => Plain(returns));
            EndMapping();
        });
        EndMapping();
    }

    private void Entry(string key, Action value)
    {
        Key(key);
        value();
    }

    private void Key(string text) => yaml.Key(text, ScalarText.StyleFor(text));

    /// <summary>A scalar that is not an expression (tokens): written as is, quoted when needed.</summary>
    private void Plain(string text) => Scalar(text);

    private void Scalar(string text) => yaml.Scalar(text, ScalarText.StyleFor(text));

    private void BeginMapping() => yaml.BeginMapping();

    private void EndMapping() => yaml.EndMapping();
}

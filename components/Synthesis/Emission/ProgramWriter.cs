using Infra.Synthesis.Expressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Synthesis.Emission;

/// <summary>
/// Writes a <see cref="Blueprint"/> as a Pulumi YAML program through YamlDotNet's event emitter.
/// The output depends only on the blueprint: no clocks, no hashing order, invariant culture.
/// </summary>
internal sealed class ProgramWriter
{
    private readonly IEmitter emitter;

    private ProgramWriter(IEmitter emitter) => this.emitter = emitter;

    public static string Write(Blueprint blueprint)
    {
        if (blueprint.Dependencies.FindCycle() is { } cycle)
            throw new SynthesisException(
                $"The program of '{blueprint.Title}' has a dependency cycle: {string.Join(" → ", cycle)} (through references, " +
                "dependsOn, providers and parents). Pulumi YAML refuses such a program before it creates anything; remove the " +
                "dependsOn, reference or explicit parent that closes the loop.");
        var text = new StringWriter { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n");
        var writer = new ProgramWriter(new Emitter(text, settings));
        writer.WriteProgram(blueprint);
        var program = text.ToString();
        return program.EndsWith('\n') ? program : program + "\n";
    }

    private void WriteProgram(Blueprint blueprint)
    {
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new Comment(
            $"Synthesized by 'infra synth' for stack {blueprint.Title}. Do not edit: change the C# and synthesize again.",
            false));
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
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
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
                emitter.Emit(new Scalar(null, null, number.Text, ScalarStyle.Plain, true, false));
                break;
            case BoolLiteral { Value: var flag }:
                emitter.Emit(flag ? True : False);
                break;
            case NullLiteral:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
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
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
                emitter.Emit(new SequenceEnd());
                break;
            case ListExpr list:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in list.Items) WriteExpr(item);
                emitter.Emit(new SequenceEnd());
                break;
            case ObjectExpr { Entries.Count: 0 }:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                emitter.Emit(new MappingEnd());
                break;
            case ObjectExpr obj:
                BeginMapping();
                foreach (var (key, value) in obj.Entries)
                {
                    if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
                        throw new SynthesisException(
                            $"The object key '{key}' would be read as a built-in function call; use Fn.* to call a function.");
                    Scalar(ScalarText.Escape(key));
                    WriteExpr(value);
                }
                EndMapping();
                break;
            case FunctionCall call:
                BeginMapping();
                Plain(call.Name);
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
        Plain(key);
        value();
    }

    /// <summary>A scalar that is not an expression (keys, tokens): written as is, quoted when needed.</summary>
    private void Plain(string text) => Scalar(text);

    // Keys and many values repeat across resources: build each short scalar's event (and decide its
    // style) once. Events are immutable, so reusing them is safe and saves most of the allocation.
    private readonly Dictionary<string, Scalar> scalars = new(StringComparer.Ordinal);

    private void Scalar(string text)
    {
        if (text.Length > 64)
        {
            emitter.Emit(new Scalar(null, null, text, ScalarText.StyleFor(text), true, true));
            return;
        }
        if (!scalars.TryGetValue(text, out var scalar))
        {
            scalar = new Scalar(null, null, text, ScalarText.StyleFor(text), true, true);
            scalars.Add(text, scalar);
        }
        emitter.Emit(scalar);
    }

    private static readonly Scalar True = new(null, null, "true", ScalarStyle.Plain, true, false);
    private static readonly Scalar False = new(null, null, "false", ScalarStyle.Plain, true, false);
    private static readonly MappingStart BlockMapping = new(null, null, true, MappingStyle.Block);
    private static readonly MappingEnd MappingEnd = new();

    private void BeginMapping() => emitter.Emit(BlockMapping);

    private void EndMapping() => emitter.Emit(MappingEnd);
}

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

    // Where an escaped literal, a reference or an interpolation is composed before it is written: one buffer, reused.
    private readonly TextBuffer scalar = new();

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
        if (blueprint.Description is { } description)
        {
            Key("description");
            Plain(description);
        }
        if (blueprint.Config.Count > 0)
        {
            Key("config");
            WriteConfig(blueprint.Config);
        }
        if (blueprint.Variables.Count > 0)
        {
            Key("variables");
            WriteEntries(blueprint.Variables);
        }
        if (blueprint.Resources.Count > 0)
        {
            Key("resources");
            BeginMapping();
            var resources = blueprint.Resources;
            for (var i = 0; i < resources.Count; i++)
            {
                Key(resources[i].Name);
                WriteResource(resources[i]);
            }
            EndMapping();
        }
        if (blueprint.Outputs.Count > 0)
        {
            Key("outputs");
            WriteEntries(blueprint.Outputs);
        }
        EndMapping();
        yaml.EndDocument();
    }

    private void WriteConfig(IReadOnlyList<ConfigDeclaration> config)
    {
        BeginMapping();
        for (var i = 0; i < config.Count; i++)
        {
            Key(config[i].Key);
            BeginMapping();
            Key("type");
            WriteString(config[i].Type.WireName());
            if (config[i].Secret)
            {
                Key("secret");
                WriteBool(true);
            }
            EndMapping();
        }
        EndMapping();
    }

    private void WriteEntries(IReadOnlyList<KeyValuePair<string, Expr>> entries)
    {
        BeginMapping();
        for (var i = 0; i < entries.Count; i++)
        {
            Key(entries[i].Key);
            WriteExpr(entries[i].Value);
        }
        EndMapping();
    }

    private void WriteResource(Resource resource)
    {
        BeginMapping();
        Key("type");
        Plain(resource.Type);
        if (resource.Properties.Entries.Count > 0)
        {
            Key("properties");
            WriteExpr(resource.Properties);
        }
        WriteOptions(resource.Options, resource.Parent);
        if (resource.Get is { } get)
        {
            Key("get");
            BeginMapping();
            Key("id");
            WriteExpr(get.Id);
            if (get.State is { } state)
            {
                Key("state");
                WriteExpr(state);
            }
            EndMapping();
        }
        EndMapping();
    }

    // The options that are set, in this order, under `options:`, which is written only when one is.
    private void WriteOptions(ResourceOptions options, Resource? parent)
    {
        var opened = false;
        if (options.Provider is { } provider) ReferenceOption("provider", provider);
        if (parent is not null) ReferenceOption("parent", parent);
        if (options.DependsOn.Count > 0)
        {
            Option("dependsOn");
            yaml.BeginSequence();
            for (var i = 0; i < options.DependsOn.Count; i++) WriteReference(options.DependsOn[i].Name);
            yaml.EndSequence();
        }
        if (options.Protect is { } protect) BoolOption("protect", protect);
        if (options.RetainOnDelete is { } retain) BoolOption("retainOnDelete", retain);
        if (options.DeleteBeforeReplace is { } deleteBeforeReplace) BoolOption("deleteBeforeReplace", deleteBeforeReplace);
        if (options.DeletedWith is { } deletedWith) ReferenceOption("deletedWith", deletedWith);
        NamesOption("ignoreChanges", options.IgnoreChanges);
        NamesOption("replaceOnChanges", options.ReplaceOnChanges);
        NamesOption("additionalSecretOutputs", options.AdditionalSecretOutputs);
        NamesOption("aliases", options.Aliases);
        if (options.CustomTimeouts is { } timeouts)
        {
            Option("customTimeouts");
            if (timeouts is { Create: null, Update: null, Delete: null })
            {
                yaml.EmptyMapping();
            }
            else
            {
                BeginMapping();
                TimeoutEntry("create", timeouts.Create);
                TimeoutEntry("update", timeouts.Update);
                TimeoutEntry("delete", timeouts.Delete);
                EndMapping();
            }
        }
        if (options.Import is { } import) TextOption("import", import);
        if (options.Version is { } version) TextOption("version", version);
        if (opened) EndMapping();

        void Option(string key)
        {
            if (!opened)
            {
                Key("options");
                BeginMapping();
                opened = true;
            }
            Key(key);
        }
        void ReferenceOption(string key, Resource resource)
        {
            Option(key);
            WriteReference(resource.Name);
        }
        void BoolOption(string key, bool value)
        {
            Option(key);
            WriteBool(value);
        }
        void TextOption(string key, string value)
        {
            Option(key);
            WriteString(value);
        }
        void NamesOption(string key, IReadOnlyList<string> names)
        {
            if (names.Count == 0) return;
            Option(key);
            yaml.BeginSequence();
            for (var i = 0; i < names.Count; i++) WriteString(names[i]);
            yaml.EndSequence();
        }
        void TimeoutEntry(string key, string? value)
        {
            if (value is null) return;
            Key(key);
            WriteString(value);
        }
    }

    private void WriteExpr(Expr expr)
    {
        switch (expr)
        {
            case StringLiteral { Value: var text }:
                WriteString(text);
                break;
            case NumberLiteral number:
                Span<char> digits = stackalloc char[NumberLiteral.MaxTextLength];
                yaml.Scalar(digits[..number.Format(digits)], ScalarStyle.Plain);
                break;
            case BoolLiteral { Value: var flag }:
                WriteBool(flag);
                break;
            case NullLiteral:
                yaml.Scalar("null", ScalarStyle.Plain);
                break;
            case Reference reference:
                scalar.Clear().Append("${");
                PropertyPath.Append(scalar, reference.Root, reference.Path);
                scalar.Append('}');
                Scalar(scalar.Span);
                break;
            case Interpolation interpolation:
                WriteInterpolation(interpolation);
                break;
            case ListExpr { Items.Count: 0 }:
                yaml.EmptySequence();
                break;
            case ListExpr { Items: var items }:
                yaml.BeginSequence();
                for (var i = 0; i < items.Count; i++) WriteExpr(items[i]);
                yaml.EndSequence();
                break;
            case ObjectExpr { Entries.Count: 0 }:
                yaml.EmptyMapping();
                break;
            case ObjectExpr { Entries: var entries }:
                BeginMapping();
                for (var i = 0; i < entries.Count; i++)
                {
                    var (key, value) = entries[i];
                    if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
                        throw new SynthesisException(
                            $"The object key '{key}' would be read as a built-in function call; use Fn.* to call a function.");
                    if (key.Contains('$')) Key(Escaped(key));
                    else Key(key);
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

    /// <summary>A literal string, escaped for interpolation (<c>$</c> becomes <c>$$</c>).</summary>
    private void WriteString(string text)
    {
        if (text.Contains('$')) Scalar(Escaped(text));
        else Scalar(text);
    }

    private ReadOnlySpan<char> Escaped(string text)
    {
        ScalarText.AppendEscaped(scalar.Clear(), text);
        return scalar.Span;
    }

    private void WriteReference(string name)
    {
        scalar.Clear().Append("${");
        scalar.Append(name);
        scalar.Append('}');
        Scalar(scalar.Span);
    }

    // Literal parts escaped, references as ${...}, in one scalar.
    private void WriteInterpolation(Interpolation interpolation)
    {
        scalar.Clear();
        var parts = interpolation.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case Reference reference:
                    scalar.Append("${");
                    PropertyPath.Append(scalar, reference.Root, reference.Path);
                    scalar.Append('}');
                    break;
                case StringLiteral literal:
                    ScalarText.AppendEscaped(scalar, literal.Value);
                    break;
                default:
                    throw new InvalidOperationException("Interpolation parts are checked on construction.");
            }
        }
        Scalar(scalar.Span);
    }

    private void WriteBool(bool value) => yaml.Scalar(value ? "true" : "false", ScalarStyle.Plain);

    private void WriteInvoke(Invoke invoke)
    {
        BeginMapping();
        Key("fn::invoke");
        BeginMapping();
        Key("function");
        Plain(invoke.Function);
        Key("arguments");
        WriteExpr(invoke.Arguments);
        Key("options");
        BeginMapping();
        Key("provider");
        WriteExpr(invoke.Provider);
        Key("version");
        Plain(invoke.Version);
        EndMapping();
        if (invoke.Return is { } returns)
        {
            Key("return");
            Plain(returns);
        }
        EndMapping();
        EndMapping();
    }

    private void Key(ReadOnlySpan<char> text) => yaml.Key(text, ScalarText.StyleFor(text));

    /// <summary>A scalar that is not an expression (tokens): written as is, quoted when needed.</summary>
    private void Plain(string text) => Scalar(text);

    private void Scalar(ReadOnlySpan<char> text) => yaml.Scalar(text, ScalarText.StyleFor(text));

    private void BeginMapping() => yaml.BeginMapping();

    private void EndMapping() => yaml.EndMapping();
}

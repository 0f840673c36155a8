using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;
using Infra.Policies;
using Infra.Policies.Exemptions;
using Infra.Providers;
using Infra.Synthesis;
using Infra.Synthesis.Emission;

namespace Infra.Stacks;

/// <summary>
/// Turns a stack into its program: picks the tier (stack name or <c>infra:tier</c>), reads and
/// validates the config, builds the tier and enforces the policy pack. Without a stack it builds the
/// plugin-discovery program.
/// </summary>
public static class StackSynthesizer
{
    /// <summary>The program of a stack, refused (<see cref="PolicyViolationException"/>) when it breaks a mandatory policy.</summary>
    /// <param name="stack">The stack name (a fully qualified <c>org/project/stack</c> is accepted); null for plugin discovery.</param>
    /// <param name="pulumiConfigJson">The <c>PULUMI_CONFIG</c> Pulumi passed; null to read <c>Pulumi.&lt;stack&gt;.yaml</c>.</param>
    public static Blueprint Synthesize(ProjectDirectory project, string? stack, string? pulumiConfigJson) =>
        Enforce(Check(project, stack, pulumiConfigJson)).Blueprint;

    /// <summary>The program itself, or <see cref="PolicyViolationException"/> when it breaks a mandatory policy.</summary>
    public static CheckedProgram Enforce(CheckedProgram program) =>
        program.Report is { HasMandatoryFailures: true } report ? throw new PolicyViolationException(report) : program;

    /// <summary>
    /// The program of a stack and the policy pack's report on it, without enforcing it (for
    /// <c>infra policy</c> and <c>infra plan</c>). Config errors, exemptions included, still throw.
    /// </summary>
    /// <param name="renderAhead">
    /// Write the program on another thread while the policy pack checks it (for <c>infra synth</c>, which prints it),
    /// and let that thread take policies too once it is done: both only read the finished blueprint. Get the text with
    /// <see cref="CheckedProgram.Render"/>.
    /// </param>
    public static CheckedProgram Check(ProjectDirectory project, string? stack, string? pulumiConfigJson, bool renderAhead = false)
    {
        if (stack is null) return new CheckedProgram(PluginDiscovery.Build(), null, null);
        if (StackName.Problem(stack) is { } problem)
            throw new SynthesisException(
                $"Invalid stack name '{StackName.Printable(stack)}': it {problem}. {StackName.Rule}: use such a name, e.g. '{StackName.Suggest(stack)}'.");
        stack = StackName.Short(stack);
        var source = LoadConfig(project, stack, pulumiConfigJson);
        var tier = ResolveTier(stack, source);
        var definition = TierRegistry.Find(tier) ?? throw new SynthesisException(
            $"Tier '{TierShape.Of(tier).Name}' (stack '{stack}') is not available yet: see stacks/{TierShape.Of(tier).Name}/README.md. " +
            $"Tiers available today: {string.Join(", ", TierRegistry.Available.Select(t => TierShape.Of(t.Tier).Name))}.");
        var shape = TierShape.Of(tier);
        var blueprint = new Blueprint(stack)
        {
            Description = $"Tier {shape.Name}: {shape.Servers}; {shape.Where}.",
        };
        // The one production rule decides, with the stack name, before any value is read (placeholder severity).
        var production = PlatformSettings.DecideEnvironment(
            new ConfigReader(source, stack, tier, definition.Keys)).IsProduction;
        var reader = new ConfigReader(source, stack, tier, definition.Keys, TierRegistry.AllKeyNames) { IsProduction = production };
        // Read before Build: the tier's ThrowIfInvalid then lists these errors with all the others.
        var policies = PolicyConfig.Read(reader, production);
        OperationsKeys.Validate(reader);
        var identity = definition.Build(blueprint, reader);
        reader.ThrowIfInvalid();

        // The blueprint is complete here: from now on the writer and the policies only read it (its dependency graph,
        // the one part built lazily, memoizes in a concurrent dictionary). The writer, once done, helps with the policies.
        var run = PolicyPack.Start(new PolicyContext(blueprint, identity, policies.AllowedInstanceTypes), policies.Exemptions);
        var rendering = renderAhead ? Task.Run(() => WriteThenHelp(blueprint, run)) : null;
        return new CheckedProgram(blueprint, run.Finish(), policies)
        {
            Warnings = reader.Warnings,
            Rendering = rendering,
        };
    }

    private static ProgramText WriteThenHelp(Blueprint blueprint, PolicyRun run)
    {
        var text = blueprint.Render();
        run.Help();
        return text;
    }

    private static ConfigSource LoadConfig(ProjectDirectory project, string stack, string? pulumiConfigJson)
    {
        if (pulumiConfigJson is not null) return Wrap(stack, "PULUMI_CONFIG", () => ConfigSource.FromPulumiConfigJson(pulumiConfigJson));
        var file = project.StackFile(stack);
        if (!File.Exists(file))
            throw new SynthesisException(
                $"Stack '{stack}' has no settings file: {Path.GetFileName(file)} is not in {project.Root}. " +
                $"Create it with `pulumi stack init {stack}` and `pulumi config set infra:tier <tier> --stack {stack}`, " +
                $"or copy Pulumi.laptop.yaml. Tiers: {TierShape.Names}.");
        return Wrap(stack, Path.GetFileName(file), () => ConfigSource.FromStackFile(file));
    }

    private static ConfigSource Wrap(string stack, string origin, Func<ConfigSource> load)
    {
        try { return load(); }
        catch (ConfigSourceException e)
        {
            throw new ConfigException(stack, origin, e.Errors);
        }
    }

    private static Tier ResolveTier(string stack, ConfigSource source)
    {
        var key = CommonKeys.Tier;
        var stackIsTier = TierShape.TryParse(stack, out var stackTier);
        if (source.Values.GetValueOrDefault(key.FullName) is not { } raw)
        {
            if (stackIsTier) return stackTier;
            // A misplaced key (infar:tier, a bare tier) is likely why: list those with it.
            throw new ConfigException(stack, source.Origin, [new ConfigError(key.FullName, null,
                $"is not set, and the stack name '{stack}' is not a tier name, so the tier is unknown.",
                $"{TierShape.Names} (pulumi config set {key.FullName} laptop --stack {stack})"),
                .. ConfigNamespaces.Check(source.Values.Keys.Where(k => !k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)),
                    TierRegistry.AllKeyNames)]);
        }
        if (raw.IsSecure)
            throw Invalid(stack, source, new ConfigError(key.FullName, null,
                "is stored as a secret (secure:), but it is not a secret: infra needs it in plain text to pick the tier.",
                $"{TierShape.Names} (pulumi config set {key.FullName} laptop --stack {stack})"));
        var text = raw.Display;
        if (!TierShape.TryParse(text, out var tier))
        {
            var suggestion = DidYouMean.Suggest(text, TierShape.All.Select(s => s.Name));
            throw Invalid(stack, source, new ConfigError(key.FullName, text,
                suggestion is null ? "is not a tier." : $"is not a tier. Did you mean {suggestion}?", TierShape.Names));
        }
        if (stackIsTier && stackTier != tier)
            throw Invalid(stack, source, new ConfigError(key.FullName, text,
                $"contradicts the stack name '{stack}', which is the name of tier {stack}.",
                $"{stack}, or remove the key, or use a stack name that is not a tier name"));
        return tier;
    }

    private static ConfigException Invalid(string stack, ConfigSource source, ConfigError error) =>
        new(stack, source.Origin, [error]);
}

namespace Infra.Synthesis;

/// <summary>
/// The options of an <c>fn::invoke</c>. The provider is required: every invoke goes through the stack's
/// explicit, pinned provider (its region and credentials), never an implicit default one. A provider
/// converts to these options, so <c>Ec2.GetAmi(aws, new() { ... })</c> reads naturally.
/// </summary>
public sealed record InvokeOptions
{
    public required ProviderResource Provider { get; init; }

    public static implicit operator InvokeOptions(ProviderResource provider) => new() { Provider = provider };

    /// <summary>
    /// The options of an invoke made in <paramref name="scope"/>: its provider for <paramref name="package"/>,
    /// found exactly as a resource created there finds its provider.
    /// </summary>
    public static InvokeOptions In(Scope scope, string package) => new()
    {
        Provider = scope.FindProvider(package) ?? throw new SynthesisException(
            $"An invoke of '{package}' (in {scope.Path}) has no '{package}' provider: create a pinned provider and call " +
            "UseProvider on an enclosing scope, so the lookup runs where the stack's resources do."),
    };
}

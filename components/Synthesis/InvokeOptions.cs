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
}

using Infra.Synthesis;

namespace Infra.Providers.Random;

/// <summary>
/// <c>random:index/randomPassword:RandomPassword</c>: a password generated once and kept, secret, in
/// the stack state. Its <see cref="Result"/> is a secret output.
/// </summary>
public sealed class RandomPassword(Scope scope, string id, RandomPasswordArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "random:index/randomPassword:RandomPassword";

    public Output<string> Result => Output<string>("result");
}

public sealed class RandomPasswordArgs : Args
{
    public required Input<int> Length { get; init; }
    /// <summary>Special characters break naive URL and shell quoting; off unless asked for.</summary>
    public Input<bool>? Special { get; init; }
    public Input<int>? MinNumeric { get; init; }
    public Input<int>? MinUpper { get; init; }
    public Input<int>? MinLower { get; init; }
}

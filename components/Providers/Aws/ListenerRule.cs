using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:lb/listenerRule:ListenerRule</c>.</summary>
public sealed class ListenerRule(Scope scope, string id, ListenerRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/listenerRule:ListenerRule";
}

public sealed class ListenerRuleArgs : Args
{
    public required Input<string> ListenerArn { get; init; }
    public Input<int>? Priority { get; init; }
    public required IReadOnlyList<ListenerAction> Actions { get; init; }
    public required IReadOnlyList<ListenerRuleCondition> Conditions { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class ListenerRuleCondition : Args
{
    public ListenerRuleValues? HostHeader { get; init; }
    public ListenerRuleValues? PathPattern { get; init; }
}

public sealed class ListenerRuleValues : Args
{
    public required IReadOnlyList<Input<string>> Values { get; init; }
}

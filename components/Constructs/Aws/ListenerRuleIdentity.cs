using Infra.Platform.Services;

namespace Infra.Constructs.Aws;

/// <summary>
/// The listener rule of one ingress route: its component-local resource id and its ALB priority, both
/// derived from the route's host and path alone (see <see cref="ListenerRulePlanner"/>), so adding or
/// removing another route never renames or renumbers this one.
/// </summary>
public sealed record ListenerRuleIdentity(IngressRoute Route, string Id, int Priority);

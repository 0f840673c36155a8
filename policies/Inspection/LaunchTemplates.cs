using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Inspection;

/// <summary>
/// An instance launched from a launch template takes the settings it does not set itself from the
/// template (metadata options, block devices, type): policies read them through here.
/// </summary>
public static class LaunchTemplates
{
    /// <summary>The program's launch template the instance names in <c>launchTemplate.id</c>/<c>name</c>, if any.</summary>
    public static Resource? Of(Blueprint blueprint, Resource instance) =>
        instance.Type != Tokens.Instance
            ? null
            : Props.Referenced(blueprint, Props.Get(instance, "launchTemplate")).FirstOrDefault(r => r.Type == Tokens.LaunchTemplate);

    /// <summary>The server's own value at <paramref name="path"/>, else its template's (both schemas share these paths).</summary>
    public static Expr? Get(Blueprint blueprint, Resource server, string path) =>
        Props.Get(server, path) ?? (Of(blueprint, server) is { } template ? Props.Get(template, path) : null);
}

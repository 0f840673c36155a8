namespace Infra.Synthesis;

/// <summary>
/// The resource options of Pulumi YAML. Unset options are not emitted. <see cref="Provider"/> and
/// <see cref="Parent"/> default from the scope (the nearest provider for the package, and the
/// component's declared anchor, see <see cref="Resource.Parent"/>); set <see cref="NoParent"/> to keep
/// a resource at the top level.
/// </summary>
public sealed record ResourceOptions
{
    public ProviderResource? Provider { get; init; }
    public Resource? Parent { get; init; }
    public bool NoParent { get; init; }
    public IReadOnlyList<Resource> DependsOn { get; init; } = [];
    public bool? Protect { get; init; }
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];
    public bool? DeleteBeforeReplace { get; init; }
    public bool? RetainOnDelete { get; init; }
    public CustomTimeouts? CustomTimeouts { get; init; }
    /// <summary>Former URNs or names of this resource, so a rename is not a replacement.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];
    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];
    public Resource? DeletedWith { get; init; }
    /// <summary>Plugin version; set on provider resources from the pinned versions, rarely elsewhere.</summary>
    public string? Version { get; init; }
    /// <summary>Adopt an existing cloud resource by its ID instead of creating it.</summary>
    public string? Import { get; init; }

    public static readonly ResourceOptions None = new();
}

/// <summary>Timeouts for provisioning operations, in Go duration syntax (<c>30m</c>, <c>1h</c>).</summary>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);

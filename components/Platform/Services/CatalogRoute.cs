using System.Text.RegularExpressions;
using Infra.Platform.Configuration;

namespace Infra.Platform.Services;

/// <summary>A route of a <see cref="CatalogEntry"/>: host and path prefix, and optionally the ALB rule priority.</summary>
public sealed partial record CatalogRoute(string Host, string PathPrefix, int? Priority)
{
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();

    [GeneratedRegex("^/([A-Za-z0-9._~-]+/)*$")]
    private static partial Regex PathPrefixShape();

    public static readonly ConfigField<string> HostField = new("host",
        ConfigShapes.Pattern(HostLabel(), "is not a valid host label.", "a DNS label such as 'api'"), "",
        "The host, a name under the stack's domain.") { Required = true };

    public static readonly ConfigField<string> PathField = new("path",
        ConfigShapes.Pattern(PathPrefixShape(), "is not a valid path prefix.", "a path starting and ending with '/', such as /billing/"), "",
        "The path prefix the Service serves.") { Required = true };

    public static readonly ConfigField<int> PriorityField = new("priority", ConfigShapes.Integer(1, 50000), 0,
        "dc9's ALB listener-rule priority (1 to 50000, the ALB's range), to pin it.")
    {
        DefaultText = "derived from the host and path",
    };

    public static readonly ConfigShape<CatalogRoute?> Shape = ConfigShapes.Object<CatalogRoute>(
        "{host: H, path: /P/, priority: N}", [HostField, PathField, PriorityField],
        (values, _) => new CatalogRoute(values.Get(HostField), values.Get(PathField),
            values.IsSet(PriorityField) ? values.Get(PriorityField) : null));

    public IngressRoute For(string service) => new(Host, PathPrefix, service, Priority);
}

using Infra.Synthesis;

namespace Infra.Providers.Cloudflare;

/// <summary><c>cloudflare:index/dnsRecord:DnsRecord</c>.</summary>
public sealed class DnsRecord(Scope scope, string id, DnsRecordArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "cloudflare:index/dnsRecord:DnsRecord";
    public Output<string> RecordName => Output<string>("name");
}

public sealed class DnsRecordArgs : Args
{
    public required Input<string> ZoneId { get; init; }
    public required Input<string> Name { get; init; }
    public required Input<string> Type { get; init; }
    public required Input<string> Content { get; init; }
    /// <summary>1 means "automatic" in Cloudflare.</summary>
    public required Input<int> Ttl { get; init; }
    public Input<bool>? Proxied { get; init; }
    public Input<string>? Comment { get; init; }
}

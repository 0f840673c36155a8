using Infra.Synthesis;

namespace Infra.Providers.Cloudflare;

/// <summary>
/// <c>pulumi:providers:cloudflare</c>. The API token comes from the <c>CLOUDFLARE_API_TOKEN</c>
/// environment variable of whoever runs <c>pulumi up</c>, so it never enters the program.
/// </summary>
public sealed class CloudflareProvider(Scope scope, string id, ResourceOptions? options = null)
    : ProviderResource(scope, id, "cloudflare", PinnedProviders.Cloudflare, null, options);

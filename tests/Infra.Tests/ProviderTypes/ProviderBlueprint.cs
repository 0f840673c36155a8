using Infra.Providers.Generated;
using Infra.Synthesis;

namespace Infra.Tests.ProviderTypes;

/// <summary>A blueprint with one generated, pinned provider per package, each the default for its package.</summary>
public static class ProviderBlueprint
{
    public static Blueprint New(string title = "generated")
    {
        var blueprint = new Blueprint(title);
        ProviderResource[] providers =
        [
            new Aws.AwsProvider(blueprint, "aws", new() { Region = "eu-west-1" }),
            new Kubernetes.KubernetesProvider(blueprint, "kubernetes"),
            new Cloudflare.CloudflareProvider(blueprint, "cloudflare"),
            new Nomad.NomadProvider(blueprint, "nomad"),
            new Consul.ConsulProvider(blueprint, "consul"),
            new Docker.DockerProvider(blueprint, "docker"),
            new Command.CommandProvider(blueprint, "command"),
            new Tls.TlsProvider(blueprint, "tls"),
            new Infra.Providers.Generated.Random.RandomProvider(blueprint, "random"),
        ];
        foreach (var provider in providers) blueprint.UseProvider(provider);
        return blueprint;
    }

    public static ProviderResource ProviderOf(Blueprint blueprint, string package) =>
        blueprint.FindProvider(package) ?? throw new InvalidOperationException($"no {package} provider");
}

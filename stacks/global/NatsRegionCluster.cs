using Infra.Nats;
using Infra.Software.Nomad;
using Infra.Synthesis;
using static Infra.Providers.Generated.Nomad;
using NomadProviderResource = Infra.Providers.Generated.Nomad.NomadProvider;

namespace Infra.Stacks.Global;

/// <summary>
/// A region's NATS cluster, under the region's name: its server certificate from the tier's NATS CA (by name: the
/// region's public name, the geo name and the internal load balancer's; never an address, since the servers move between
/// worker hosts), the job's Nomad variable holding that certificate, its key, the CA and the two passwords, and the Nomad
/// job (<see cref="NatsNomadJob"/>) with the generator's configuration of each server.
/// </summary>
public sealed class NatsRegionCluster : Component
{
    public Job Job { get; }

    public NatsRegionCluster(Scope scope, string id, GlobalRegion region, NatsSuperClusterSpec spec, NatsSuperCluster cluster, NatsSecrets secrets,
        NomadProviderResource nomad, Output<string> internalDns, string domain) : base(scope, id)
    {
        // The variable and the job are peers under the region; the certificate's parts are its own.
        DeclareNoAnchor();
        UseProvider(nomad);
        var certificate = secrets.Ca.Issue("server", $"nats.{region.Name}",
            [NatsPlan.PublicHost(region.Name, domain), NatsPlan.GeoHost(domain), internalDns], server: true, client: true, owner: this);
        var variable = new Variable(this, "variable", new VariableArgs
        {
            Path = NomadJson.JobVariablePath(NatsNomadJob.JobId),
            Items = new Dictionary<string, Input<string>>
            {
                [NatsNomadJob.CertItem] = certificate.CertPem,
                [NatsNomadJob.KeyItem] = Fn.Secret<string>(certificate.Key.PrivateKeyPem),
                [NatsNomadJob.CaItem] = secrets.Ca.Certificate.CertPem,
                [NatsNomadJob.AppPasswordItem] = Fn.Secret<string>(secrets.AppPassword.Result),
                [NatsNomadJob.SystemPasswordItem] = Fn.Secret<string>(secrets.SystemPassword.Result),
            },
        });
        var job = NatsNomadJob.Build(region.Name, region.Datacenter, spec, cluster, NodeClass.Worker);
        Job = new Job(this, "job", new JobArgs
        {
            Jobspec = JobSpecText.Splice(NomadJson.Render(job), new Dictionary<string, Output<string>> { [NatsPlan.InternalHostMarker] = internalDns }),
            Json = true,
            DeregisterOnDestroy = true,
            PurgeOnDestroy = true,
        }, new ResourceOptions { DependsOn = [variable] });
    }
}

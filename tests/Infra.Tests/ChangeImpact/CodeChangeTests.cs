using Infra.Operations.Diff;
using Infra.Synthesis;
using YamlDotNet.RepresentationModel;
using static Infra.Providers.Generated.Docker;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// Changes in the code rather than in config, checked the same way: the real synthesis core builds a
/// component before and after, and the offline diff must show only what the change adds.
/// </summary>
public class CodeChangeTests
{
    public const string ComponentGainsAFirstResource = "code: a component gains a resource before its first one";

    /// <summary>A database component as the tiers build them: its data volume, then its server.</summary>
    private sealed class Database : Component
    {
        public Database(Scope scope, bool imageFirst) : base(scope, "db")
        {
            // The code change: a new resource created before the others (here, the image the server runs).
            if (imageFirst) _ = new RemoteImage(this, "image", new RemoteImageArgs { Name = "docker.io/library/postgres:17.2-bookworm", KeepLocally = true });
            var data = new Volume(this, "data", new VolumeArgs { Name = "probe-db-data" });
            DeclareAnchor(data);
            _ = new Container(this, "server", new ContainerArgs
            {
                Image = "docker.io/library/postgres:17.2-bookworm",
                Name = "probe-db",
                Volumes = [new ContainerVolume { VolumeName = data.VolumeName, ContainerPath = "/var/lib/postgresql/data" }],
            });
        }
    }

    private static string Program(bool imageFirst)
    {
        var blueprint = new Blueprint("probe");
        blueprint.UseProvider(new DockerProvider(blueprint, "docker"));
        _ = new Database(blueprint, imageFirst);
        return blueprint.ToYaml();
    }

    [Fact]
    public void A_component_that_gains_a_resource_before_its_first_one_moves_no_other_URN()
    {
        var diff = ProgramDiff.Compare(Program(imageFirst: false), Program(imageFirst: true), new UrnScope("probe", "infra"));
        var expected = new DayTwoChange("code", "a component gains a resource before its first one",
            "only the new image is created; the data volume and the server keep their URNs",
            new YamlMappingNode(), new YamlMappingNode(),
            Creates: [ResourcePattern.Parse("db-image")], Updates: [], Replaces: [], Deletes: []);
        KnownDefects.Verify(ComponentGainsAFirstResource, expected.Why, ImpactCheck.Violations(expected, diff));
    }
}

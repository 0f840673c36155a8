using Infra.Constructs;
using Infra.Constructs.Docker;
using Infra.Platform;
using Infra.Synthesis;
using Infra.Tests.Policies;
using static Infra.Providers.Generated.Docker;

namespace Infra.Tests.Core;

/// <summary>Constructs read their stack from the construct tree (CDK's node context), not from their props.</summary>
public sealed class StackContextTests
{
    private sealed class Probe(Scope scope, string id) : Component(scope, id);

    private static TelemetryStack Telemetry(Blueprint blueprint)
    {
        var network = new Infra.Providers.Generated.Docker.Network(blueprint, "network", new NetworkArgs { Name = "net" });
        blueprint.DeclareAnchor(network);
        return new TelemetryStack(blueprint, "telemetry", new TelemetryStackProps
        {
            Network = network,
            CollectorImage = "otel/opentelemetry-collector-contrib:0.116.1",
            TraceUiImage = "jaegertracing/all-in-one:1.64.0",
            TraceUiPort = 16686,
        });
    }

    [Fact]
    public void A_construct_names_its_resources_after_the_stack_set_on_the_tree()
    {
        var fixture = new PolicyFixture(Tier.Laptop, stack: "dev-alice");
        fixture.Blueprint.SetContext(fixture.Identity);

        var telemetry = Telemetry(fixture.Blueprint);

        Assert.Contains("      name: dev-alice-telemetry-ui\n", fixture.Blueprint.ToYaml());
        Assert.Same(fixture.Identity, StackContext.Of(telemetry));
    }

    [Fact]
    public void A_construct_without_a_stack_above_it_says_how_to_set_one()
    {
        var fixture = new PolicyFixture(Tier.Laptop);

        var error = Assert.Throws<SynthesisException>(() => Telemetry(fixture.Blueprint));

        Assert.Contains("telemetry", error.Message);
        Assert.Contains("blueprint.SetContext(stack)", error.Message);
    }

    [Fact]
    public void The_nearest_context_wins_and_scopes_below_inherit_it()
    {
        var blueprint = new Blueprint("probe");
        var outer = new Probe(blueprint, "outer");
        var inner = new Probe(outer, "inner");
        blueprint.SetContext("stack-wide");
        Assert.Equal("stack-wide", inner.FindContext<string>());

        outer.SetContext("outer-only");
        Assert.Equal("outer-only", inner.FindContext<string>());
        Assert.Equal("stack-wide", blueprint.FindContext<string>());
        Assert.Null(blueprint.FindContext<Uri>());
    }
}

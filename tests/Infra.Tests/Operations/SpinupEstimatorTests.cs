using Infra.Operations.Graph;
using Infra.Operations.Spinup;
using Infra.Tests.Dc9;
using Infra.Tests.Support;

namespace Infra.Tests.Operations;

/// <summary>The spin-up estimate: Pulumi's parallel walk of the dependency graph, over a fixed table of times.</summary>
public class SpinupEstimatorTests
{
    /// <summary>A fixed table: the tests do not move when the shipped figures are revised.</summary>
    private static readonly ResourceTimings Fixed = ResourceTimings.Parse("""
        asOf: 2026-01-01
        sources: {test: fixed for tests}
        engine: {upStartSeconds: 10, destroyStartSeconds: 5, invokeSeconds: 2}
        default: {create: 7, delete: 3, source: test}
        types:
          test:index:Slow: {create: 100, delete: 50, source: test}
          test:index:Fast: {create: 1, delete: 1, source: test}
        """);

    private static SpinupEstimate Estimate(string program) => SpinupEstimator.Estimate(ProgramGraph.Of(program), Fixed);

    [Fact]
    public void Independent_resources_run_in_parallel()
    {
        var estimate = Estimate("""
            resources:
              a: {type: "test:index:Slow"}
              b: {type: "test:index:Fast"}
              c: {type: "test:index:Fast"}
            """);
        Assert.Equal(TimeSpan.FromSeconds(10 + 100), estimate.Up);
        Assert.Equal(TimeSpan.FromSeconds(5 + 50), estimate.Destroy);
        Assert.Equal(["a"], estimate.UpCriticalPath.Select(step => step.Name));
    }

    [Theory]
    [InlineData("properties: {x: \"${a.id}\"}", DependencyKind.Reference)]
    [InlineData("properties: {x: \"prefix-${a.arn}-suffix\"}", DependencyKind.Reference)]
    [InlineData("options: {dependsOn: [\"${a}\"]}", DependencyKind.DependsOn)]
    [InlineData("options: {parent: \"${a}\"}", DependencyKind.Parent)]
    public void A_reference_dependsOn_or_parent_makes_a_resource_wait(string wiring, DependencyKind kind)
    {
        var estimate = Estimate($$"""
            resources:
              a: {type: "test:index:Slow"}
              b:
                type: "test:index:Fast"
                {{wiring}}
            """);
        Assert.Equal(TimeSpan.FromSeconds(10 + 100 + 1), estimate.Up);
        Assert.Equal(["a", "b"], estimate.UpCriticalPath.Select(step => step.Name));
        Assert.Equal(kind, estimate.UpCriticalPath[1].WaitedVia);
        Assert.Equal(110, estimate.UpCriticalPath[1].StartSeconds);

        // Destroy runs backwards: b goes first, a once nothing waits for it.
        Assert.Equal(TimeSpan.FromSeconds(5 + 1 + 50), estimate.Destroy);
        Assert.Equal(["b", "a"], estimate.DestroyCriticalPath.Select(step => step.Name));
    }

    [Fact]
    public void An_escaped_dollar_is_text_not_a_dependency()
    {
        var estimate = Estimate("""
            resources:
              a: {type: "test:index:Slow"}
              b:
                type: "test:index:Fast"
                properties: {script: "echo $${a.id}"}
            """);
        Assert.Equal(TimeSpan.FromSeconds(110), estimate.Up);
    }

    [Fact]
    public void Invokes_count_and_a_variable_passes_its_dependencies_on()
    {
        var estimate = Estimate("""
            variables:
              zones:
                fn::invoke:
                  function: aws:index/getAvailabilityZones:getAvailabilityZones
                  options: {provider: "${p}"}
                  return: names
            resources:
              p: {type: "test:index:Fast"}
              subnet:
                type: "test:index:Slow"
                properties: {availabilityZone: "${zones[0]}"}
            """);
        Assert.Equal(TimeSpan.FromSeconds(10 + 1 + 2 + 100), estimate.Up);
        Assert.Equal(["p", "zones", "subnet"], estimate.UpCriticalPath.Select(step => step.Name));
    }

    [Fact]
    public void A_retained_resource_costs_nothing_to_destroy_and_unknown_types_are_listed()
    {
        var estimate = Estimate("""
            resources:
              keep:
                type: "test:index:Slow"
                options: {retainOnDelete: true}
              other: {type: "test:index:Unknown"}
            """);
        Assert.Equal(TimeSpan.FromSeconds(5 + 3), estimate.Destroy);
        Assert.Equal(["test:index:Unknown"], estimate.TypesWithoutTiming);
    }

    [Fact]
    public void A_cycle_is_refused_with_its_path_as_Pulumi_YAML_would()
    {
        var error = Assert.Throws<ProgramCycleException>(() => Estimate("""
            resources:
              instance:
                type: "test:index:Fast"
                properties: {profile: "${profile.name}"}
              profile:
                type: "test:index:Fast"
                options: {parent: "${instance}"}
            """));
        Assert.Equal(["instance", "profile", "instance"], error.Cycle);
        Assert.Contains("circular dependency", error.Message);
    }

    [Fact]
    public void A_timing_must_name_a_source_the_table_defines()
    {
        var error = Assert.Throws<InvalidDataException>(() => ResourceTimings.Parse("""
            asOf: 2026-01-01
            sources: {test: x}
            engine: {upStartSeconds: 1, destroyStartSeconds: 1, invokeSeconds: 1}
            default: {create: 1, delete: 1, source: test}
            types:
              test:index:A: {create: 1, delete: 1, source: hearsay}
            """));
        Assert.Contains("'test:index:A' names the source 'hearsay'", error.Message);
    }

    [Fact]
    public void A_readiness_gate_takes_the_time_of_what_it_waits_for_by_its_name_not_the_command_types()
    {
        var timings = ResourceTimings.Parse("""
            asOf: 2026-01-01
            sources: {test: fixed for tests, boot: servers booting}
            engine: {upStartSeconds: 10, destroyStartSeconds: 5, invokeSeconds: 2}
            default: {create: 7, delete: 3, source: test}
            gates:
              nomad-ready: {create: 200, delete: 0, source: boot}
              ready: {create: 50, delete: 0, source: boot}
            types:
              command:local:Command: {create: 5, delete: 2, source: test}
              test:index:Fast: {create: 1, delete: 1, source: test}
            """);
        var estimate = SpinupEstimator.Estimate(ProgramGraph.Of("""
            resources:
              servers: {type: "test:index:Fast"}
              london-nomad-ready:
                type: "command:local:Command"
                options: {dependsOn: ["${servers}"]}
              nomad:
                type: "test:index:Fast"
                options: {dependsOn: ["${london-nomad-ready}"]}
              london-consul-ready: {type: "command:local:Command"}
              backup-step: {type: "command:local:Command"}
              not-a-command-nomad-ready: {type: "test:index:Fast"}
            """), timings);
        // servers, then the gate's 200 s (its longest matching suffix), then the provider.
        Assert.Equal(TimeSpan.FromSeconds(10 + 1 + 200 + 1), estimate.Up);
        Assert.Equal(["servers", "london-nomad-ready", "nomad"], estimate.UpCriticalPath.Select(step => step.Name));
        Assert.Equal(200, timings.For("command:local:Command", "london-nomad-ready").CreateSeconds);
        Assert.Equal(50, timings.For("command:local:Command", "london-consul-ready").CreateSeconds);
        Assert.Equal(5, timings.For("command:local:Command", "backup-step").CreateSeconds);
        Assert.Equal(1, timings.For("test:index:Fast", "not-a-command-nomad-ready").CreateSeconds);
    }

    [Fact]
    public void Global_waits_for_each_control_plane_to_answer_before_its_provider_and_k3s_after_its_job()
    {
        var estimate = SpinupEstimator.Estimate(Synth.Yaml("global"));
        var path = estimate.UpCriticalPath.Select(step => step.Name).ToList();
        var region = path.First(n => n.EndsWith("-aws", StringComparison.Ordinal))[..^"-aws".Length];
        // The servers boot, Nomad answers (its gate), the k3s job is registered, k3s answers (its gate), then Kubernetes.
        var expected = new[] { $"{region}-fleet-servers-group", $"{region}-nomad-ready", $"{region}-cluster-nomad", $"{region}-cluster-k3s-server",
            $"{region}-k3s-ready", $"{region}-k8s-kubernetes" };
        Assert.Equal(expected, path.Where(expected.Contains));  // in this order on the path
        var gates = estimate.UpCriticalPath.Where(step => step.Type == ResourceTimings.GateType).ToList();
        Assert.Equal([ResourceTimings.Shipped.Gates["nomad-ready"].CreateSeconds, ResourceTimings.Shipped.Gates["k3s-ready"].CreateSeconds],
            gates.Select(step => step.EndSeconds - step.StartSeconds));

        // Every gate of the program has its own entry (none falls back to the command type's few seconds).
        var graph = ProgramGraph.Of(Synth.Yaml("global"));
        foreach (var gate in graph.Resources.Where(r => r.Type == ResourceTimings.GateType))
            Assert.Contains(ResourceTimings.Shipped.Gates, g => gate.Name.EndsWith("-" + g.Key, StringComparison.Ordinal));
        Assert.All(ResourceTimings.Shipped.Gates.Values, timing => Assert.Contains(timing.Source, ResourceTimings.Shipped.Sources.Keys));
    }

    [Theory]
    [InlineData("laptop")]
    [InlineData("onprem3")]
    [InlineData("dc9")]
    [InlineData("global")]
    public void Every_tier_runs_under_Pulumi_YAML_and_every_type_it_emits_has_a_typical_time(string tier)
    {
        var graph = ProgramGraph.Of(Synth.Yaml(tier));
        Assert.Null(graph.FindCycle());
        var estimate = SpinupEstimator.Estimate(graph, ResourceTimings.Shipped);
        Assert.Empty(estimate.TypesWithoutTiming);
        Assert.All(ResourceTimings.Shipped.Types.Values, timing => Assert.Contains(timing.Source, ResourceTimings.Shipped.Sources.Keys));
    }

    [Fact]
    public void Dc9_comes_up_in_under_ten_minutes_with_certificate_validation_beside_the_load_balancer()
    {
        var estimate = SpinupEstimator.Estimate(Dc9Synth.Yaml());
        Assert.True(estimate.Up < TimeSpan.FromMinutes(10), $"{estimate.Up}");

        // The ALB's provisioning dominates; the certificate is requested at the start, not after the ALB
        // (as its child it waited for it: a parent is a dependency in Pulumi YAML).
        Assert.Contains(estimate.UpCriticalPath, step => step.Name == "alb-lb");
        Assert.DoesNotContain(estimate.UpCriticalPath, step => step.Name.StartsWith("alb-cert", StringComparison.Ordinal));
        var graph = ProgramGraph.Of(Dc9Synth.Yaml());
        Assert.DoesNotContain(graph.Nodes["alb-cert"].Dependencies, d => d.Name == "alb-lb");
        Assert.Equal(estimate.UpLeadMinutes, SpinupEstimator.UpLeadMinutes(Dc9Synth.Yaml()));
    }

    [Fact]
    public void Global_gets_an_estimate_whose_critical_path_waits_for_a_regions_load_balancer_and_its_workloads()
    {
        var estimate = SpinupEstimator.Estimate(Synth.Yaml("global"));
        Assert.Empty(estimate.TypesWithoutTiming);
        Assert.InRange(estimate.Up, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(30));
        // The Kubernetes provider's kubeconfig names the region's NLB, so every workload waits for it.
        Assert.Contains(estimate.UpCriticalPath, step => step.Type == "aws:lb/loadBalancer:LoadBalancer");
        Assert.Contains(estimate.UpCriticalPath, step => step.Type.StartsWith("kubernetes:", StringComparison.Ordinal));
        Assert.Equal(estimate.UpCriticalPath[^1].EndSeconds, estimate.Up.TotalSeconds, 3);
    }
}

/// <summary><c>infra plan</c> prints the estimate and the critical path, run as a person runs it.</summary>
public class PlanSpinupTests
{
    [Fact]
    public void Plan_prints_the_estimate_and_both_critical_paths()
    {
        var result = InfraProcess.Run(RepoPaths.Root, null, "plan", "dc9");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"pulumi up\s+about \d+ min \d\d s  \(start a scheduled spin-up \d+ min early\)", result.Stdout);
        Assert.Matches(@"pulumi destroy\s+about \d+ min \d\d s", result.Stdout);
        Assert.Matches(@"Critical path of up .*\n(.*\n)*\s+\d+:\d\d →\s+\d+:\d\d  alb-lb\s+aws:lb/loadBalancer:LoadBalancer", result.Stdout);
        Assert.Contains("Critical path of destroy", result.Stdout);
        Assert.DoesNotContain("infra schedule starts", result.Stdout);  // the repository's dc9 has no schedule
    }

    [Fact]
    public void Plan_of_a_scheduled_stack_says_when_the_schedule_starts_its_spin_up()
    {
        using var project = new TempProject(("dev-eu", Dc9Synth.ExampleConfig.TrimEnd('\n') +
            "\n  infra:tier: dc9\n  infra:schedule: {timeZone: Europe/Berlin, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\"}\n"));
        var minutes = SpinupEstimator.UpLeadMinutes(Dc9Synth.Yaml());
        var result = InfraProcess.Run(project.Root, null, "plan", "dev-eu");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"(start a scheduled spin-up {minutes} min early)", result.Stdout);
        Assert.Contains($"infra schedule starts the weekday spin-up at {new TimeOnly(7, 0).AddMinutes(-minutes):HH\\:mm} Europe/Berlin to be ready at 07:00", result.Stdout);
    }
}

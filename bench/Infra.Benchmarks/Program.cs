using System.Diagnostics;
using Infra.Benchmarks;

// Prints synthesis time and allocated bytes per tier and for synthetic programs, plus the
// whole-process time of the compiler command. Figures, not pass/fail: compare with the targets.
// Measure under the GC settings ./infra gives the compiler (its gen0 budget): relaunch with them.
if (CompilerGcSettings.Relaunch(args) is { } exitCode) return exitCode;

var root = RepoRoot.Find();

// One cold synthesis of a fleet in a fresh process (see ColdFleetCall): print the program's size and exit.
if (args is ["--cold-fleet", var fleetSize]) { Console.Out.Write(Dc9Fleets.Build(root, int.Parse(fleetSize)).ToYaml().Length); return 0; }

// Where one global synthesis spends its time: building the program, each policy, the YAML (`--global-phases PROJECT STACK`).
if (args is ["--global-phases", var projectDir, var globalStack])
{
    var clock = Stopwatch.StartNew();
    var tier = new Infra.Stacks.Global.GlobalTier();
    var reader = new Infra.Platform.Configuration.ConfigReader(Infra.Platform.Configuration.ConfigSource.FromStackFile(
        Path.Combine(projectDir, $"Pulumi.{globalStack}.yaml")), globalStack, Infra.Platform.Tier.Global, tier.Keys);
    var blueprint = new Infra.Synthesis.Blueprint(globalStack);
    var identity = tier.Build(blueprint, reader);
    Console.WriteLine($"build {clock.Elapsed.TotalMilliseconds:F0} ms, {blueprint.Resources.Count} resources");
    var context = Infra.Policies.PolicyContext.WithDefaults(blueprint, identity);
    foreach (var policy in Infra.Policies.PolicyPack.All)
    {
        clock.Restart();
        policy.Evaluate(context);
        if (clock.Elapsed.TotalMilliseconds >= 5) Console.WriteLine($"  {policy.Id} {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
    clock.Restart();
    var yaml = blueprint.ToYaml();
    Console.WriteLine($"yaml {clock.Elapsed.TotalMilliseconds:F0} ms ({yaml.Length / 1024} KB)");
    return 0;
}

var results = new List<Measurement>();

foreach (var stack in SyntheticPrograms.TierStacks(root))
    results.Add(Measure.InProcess($"tier {stack}", () => SyntheticPrograms.Tier(root, stack)));
foreach (var servers in new[] { 90, 900 })
    results.Add(Measure.InProcess($"dc9 fleet {servers} servers", () => Dc9Fleets.Build(root, servers)));
(int Regions, int Nodes)[] globalSizes = [(3, 10), (3, 50), (10, 10), (10, 50), (30, 10), (30, 50)];
var globalProject = GlobalRegions.Project(root, globalSizes);
foreach (var (regions, nodes) in globalSizes)
    results.Add(Measure.InProcess($"global {regions} regions x {nodes} nodes",
        () => Infra.Stacks.StackSynthesizer.Synthesize(new Infra.Stacks.ProjectDirectory(globalProject), GlobalRegions.Stack(regions, nodes), null)));
foreach (var size in new[] { 1_000, 10_000 })
    results.Add(Measure.InProcess($"synthetic {size:N0} resources", () => SyntheticPrograms.Flat(size)));

Console.WriteLine($"{"program",-32} {"resources",10} {"median ms",10} {"min ms",8} {"alloc MB",9} {"yaml KB",8}");
foreach (var r in results)
    Console.WriteLine($"{r.Name,-32} {r.Resources,10:N0} {r.MedianMs,10:F1} {r.MinMs,8:F1} {r.AllocatedMb,9:F1} {r.YamlKb,8:F0}");
Console.WriteLine("targets: 10,000 resources in under 500 ms and 300 MB allocated; the 900-server dc9 fleet in under 100 ms.");
Console.WriteLine();

// The compiler call exactly as Pulumi.yaml names it (./infra synth), after one call that builds it.
CompilerCall.EnsureBuilt(root);
foreach (var call in new[] { "synth laptop", "synth onprem3", "synth dc9", "synth" })
{
    var times = Enumerable.Range(0, 7).Select(_ => CompilerCall.Time(root, call)).Order().ToList();
    Console.WriteLine($"compiler call `./infra {call}` (warm, 7 runs): median {times[3]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
}
Console.WriteLine("target: a warm compiler call in under 1 s.");
foreach (var (regions, nodes) in globalSizes)
{
    var times = Enumerable.Range(0, 5).Select(_ => CompilerCall.Time(root, $"synth {GlobalRegions.Stack(regions, nodes)}", globalProject)).Order().ToList();
    Console.WriteLine($"whole process, `./infra synth` global {regions} regions x {nodes} nodes (5 runs): median {times[2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
}
Console.WriteLine("target (issue 11): 30 regions in under 0.5 s, whole process.");
ColdFleetCall.EnsurePublished(root);
foreach (var servers in new[] { 90, 900 })
{
    var times = Enumerable.Range(0, 5).Select(_ => ColdFleetCall.Time(root, servers)).Order().ToList();
    Console.WriteLine($"whole process, dc9 fleet {servers} servers (5 runs): median {times[2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
}
Console.WriteLine("target: the 900-server program in under 0.5 s as a whole compiler call.");
return 0;

using System.Diagnostics;
using Infra.Benchmarks;
using Infra.FleetCall;

// Prints synthesis time and allocated bytes per tier and for synthetic programs, plus the
// whole-process time of the compiler command. Figures, not pass/fail: compare with the targets.
// Measure under the GC settings ./infra gives the compiler (its gen0 budget): relaunch with them.
if (CompilerGcSettings.Relaunch(args) is { } exitCode) return exitCode;

var root = RepoRoot.Find();

// Where one global synthesis spends its time: building the program, each policy, the YAML (`--global-phases PROJECT STACK`).
// The first round includes the JIT; the figures printed are the median of the warm rounds after it.
if (args is ["--global-phases", var projectDir, var globalStack])
{
    const int Rounds = 6;
    var phases = new Dictionary<string, List<double>>();
    void Record(string phase, TimeSpan elapsed) => (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(elapsed.TotalMilliseconds);
    var policyBytes = new List<double>(); // what the whole policy pack allocates, per round
    var resources = 0;
    var yamlKb = 0;
    for (var round = 0; round < Rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        var tier = new Infra.Stacks.Global.GlobalTier();
        var reader = new Infra.Platform.Configuration.ConfigReader(Infra.Platform.Configuration.ConfigSource.FromStackFile(
            Path.Combine(projectDir, $"Pulumi.{globalStack}.yaml")), globalStack, Infra.Platform.Tier.Global, tier.Keys);
        var blueprint = new Infra.Synthesis.Blueprint(globalStack);
        var identity = tier.Build(blueprint, reader);
        if (round > 0) Record("build", clock.Elapsed);
        resources = blueprint.Resources.Count;
        var context = Infra.Policies.PolicyContext.WithDefaults(blueprint, identity);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var policy in Infra.Policies.PolicyPack.All)
        {
            clock.Restart();
            policy.Evaluate(context);
            if (round > 0) Record("  " + policy.Id, clock.Elapsed);
        }
        policyBytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        clock.Restart();
        var yaml = blueprint.ToYaml();
        if (round > 0) Record("yaml", clock.Elapsed);
        yamlKb = yaml.Length / 1024;
    }
    Console.WriteLine($"{globalStack}: {resources} resources, {yamlKb} KB of YAML; median of {Rounds - 1} warm rounds (phases of 1 ms or more)");
    foreach (var (phase, times) in phases)
        if (Median(times) >= 1) Console.WriteLine($"{phase,-10} {Median(times),8:F1} ms");
    Console.WriteLine($"{"policies",-10} {phases.Where(p => p.Key.StartsWith(' ')).Sum(p => Median(p.Value)),8:F1} ms, " +
                      $"{Median(policyBytes[1..]) / (1024 * 1024):F2} MB allocated ({policyBytes[0] / (1024 * 1024):F2} MB in the first round, " +
                      "which fills the pack's static caches as a single compiler call does)");
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

// Whole processes, warm: the compiler call exactly as Pulumi.yaml names it (./infra synth, launcher included),
// native next to ReadyToRun (INFRA_NATIVE=0), after calls that build both; then the fleets (see ColdFleetCall).
var native = CompilerCall.EnsureBuilt(root);
var nativeFleet = native && ColdFleetCall.EnsurePublished(root, native: true);
ColdFleetCall.EnsurePublished(root, native: false);
if (!native) Console.WriteLine("native build: not available here (./infra needs clang and zlib's headers); ReadyToRun only.");
const int Runs = 11;
Console.WriteLine($"{"whole process, warm (median of " + Runs + ")",-44} {"native ms",10} {"ReadyToRun ms",14} {"target",8}  same output");
foreach (var (label, call, target) in new[]
{
    ("plugin discovery (`./infra synth`, no stack)", "synth", ""),
    ("`./infra synth laptop`", "synth laptop", "< 25"),
    ("`./infra synth onprem3`", "synth onprem3", "< 25"),
    ("`./infra synth dc9`", "synth dc9", "< 25"),
})
    Report(label, target, n => CompilerCall.Run(root, call, n), native);
foreach (var (regions, nodes) in globalSizes)
    Report($"`./infra synth` global {regions} regions x {nodes} nodes", regions == 30 ? "< 500" : "",
        n => CompilerCall.Run(root, $"synth {GlobalRegions.Stack(regions, nodes)}", n, globalProject), native);
foreach (var servers in new[] { 90, 900 })
    Report($"dc9 fleet, {servers} servers (fleet-call)", servers == 900 ? "< 60" : "", n => ColdFleetCall.Run(root, servers, n), nativeFleet);
return 0;

// Median of the runs, native and ReadyToRun interleaved so that both see the same machine load; and whether
// both wrote the same program (they must: the native build is the same compiler).
static void Report(string label, string target, Func<bool, (double Ms, string Stdout)> call, bool withNative)
{
    var r2r = new List<double>();
    var aot = new List<double>();
    var same = true;
    call(false); // warm-up: page cache, not timed
    if (withNative) call(true);
    for (var i = 0; i < Runs; i++)
    {
        var (ms, output) = call(false);
        r2r.Add(ms);
        if (!withNative) continue;
        var (nativeMs, nativeOutput) = call(true);
        aot.Add(nativeMs);
        same &= nativeOutput == output;
    }
    var nativeText = withNative ? Median(aot).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "—";
    Console.WriteLine($"{label,-44} {nativeText,10} {Median(r2r),14:F1} {target,8}  {(withNative ? same ? "yes" : "NO" : "—")}");
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

using System.Diagnostics;
using Infra.Benchmarks;

// Prints synthesis time and allocated bytes per tier and for synthetic programs, plus the
// whole-process time of the compiler command. Figures, not pass/fail: compare with the targets.
var root = RepoRoot.Find();
var results = new List<Measurement>();

foreach (var stack in SyntheticPrograms.TierStacks(root))
    results.Add(Measure.InProcess($"tier {stack}", () => SyntheticPrograms.Tier(root, stack)));
foreach (var size in new[] { 1_000, 10_000 })
    results.Add(Measure.InProcess($"synthetic {size:N0} resources", () => SyntheticPrograms.Flat(size)));

Console.WriteLine($"{"program",-32} {"resources",10} {"median ms",10} {"min ms",8} {"alloc MB",9} {"yaml KB",8}");
foreach (var r in results)
    Console.WriteLine($"{r.Name,-32} {r.Resources,10:N0} {r.MedianMs,10:F1} {r.MinMs,8:F1} {r.AllocatedMb,9:F1} {r.YamlKb,8:F0}");
Console.WriteLine("targets: 10,000 resources in under 500 ms and 300 MB allocated.");
Console.WriteLine();

var dll = Path.Combine(AppContext.BaseDirectory, "infra.dll");
foreach (var call in new[] { "synth laptop", "synth" })
{
    var times = Enumerable.Range(0, 7).Select(_ => CompilerCall.Time(dll, root, call)).Order().ToList();
    Console.WriteLine($"compiler call `infra {call}` (warm, 7 runs): median {times[3]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
}
Console.WriteLine("target: a warm compiler call in under 1 s.");

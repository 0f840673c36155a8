using Infra.Synthesis;

namespace Infra.Benchmarks;

public sealed record Measurement(string Name, int Resources, double MedianMs, double MinMs, double AllocatedMb, double YamlKb);

/// <summary>Times a synthesis (build + emit) after a warm-up, and counts what it allocates.</summary>
public static class Measure
{
    public static Measurement InProcess(string name, Func<Blueprint> build, int runs = 7)
    {
        // Warm-up: tiered JIT promotes hot code to optimized code after a few calls; measure after that.
        var yaml = "";
        for (var i = 0; i < 5; i++) yaml = build().ToYaml();
        var times = new List<double>();
        var allocated = new List<long>();
        var resources = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var blueprint = build();
            yaml = blueprint.ToYaml();
            clock.Stop();
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            times.Add(clock.Elapsed.TotalMilliseconds);
            resources = blueprint.Resources.Count;
        }
        times.Sort();
        allocated.Sort();
        return new Measurement(name, resources, times[runs / 2], times[0], allocated[runs / 2] / 1024.0 / 1024.0, yaml.Length / 1024.0);
    }
}

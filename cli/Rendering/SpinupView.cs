using System.Text;
using Infra.Operations.Graph;
using Infra.Operations.Spinup;
using Infra.Platform.Schedule;

namespace Infra.Cli.Rendering;

/// <summary>The spin-up estimate in <c>infra plan</c>: wall time of up and destroy, and each critical path.</summary>
public static class SpinupView
{
    /// <param name="schedule">The stack's weekday schedule, when it has a spin-up the estimate starts early.</param>
    public static string Render(SpinupEstimate estimate, ScheduleSettings? schedule = null)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Spin-up estimate (typical times per resource type as of {estimate.TimingsAsOf}; operations/Spinup/resource-timings.yaml):");
        text.AppendLine($"  pulumi up       about {Duration(estimate.Up)}  (start a scheduled spin-up {estimate.UpLeadMinutes} min early)");
        if (schedule is { WeekdayUp: { } up })
            text.AppendLine($"                  infra schedule starts the weekday spin-up at {up.AddMinutes(-estimate.UpLeadMinutes):HH\\:mm} {schedule.TimeZone.Id} to be ready at {up:HH\\:mm}");
        text.AppendLine($"  pulumi destroy  about {Duration(estimate.Destroy)}");
        Path(text, "up", estimate.UpCriticalPath);
        Path(text, "destroy", estimate.DestroyCriticalPath);
        if (estimate.TypesWithoutTiming.Count > 0)
            text.AppendLine($"  No typical time for {string.Join(", ", estimate.TypesWithoutTiming)}: the default was used; add them to the table.");
        return text.ToString();
    }

    private static void Path(StringBuilder text, string what, IReadOnlyList<PathStep> path)
    {
        if (path.Count == 0) return;
        text.AppendLine($"  Critical path of {what} (each step waits for the one above it):");
        var width = path.Max(step => step.Name.Length) + 2;
        foreach (var step in path)
        {
            var via = step.WaitedVia switch
            {
                DependencyKind.DependsOn => "  (dependsOn)",
                DependencyKind.Parent => "  (parent)",
                DependencyKind.Provider => "  (provider)",
                _ => "",
            };
            text.AppendLine($"    {Clock(step.StartSeconds)} → {Clock(step.EndSeconds)}  {step.Name.PadRight(width)}{step.Type}{via}");
        }
    }

    private static string Duration(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds:D2} s" : $"{time.Seconds} s";

    private static string Clock(double seconds)
    {
        var whole = (int)Math.Round(seconds);
        return $"{whole / 60,2}:{whole % 60:D2}";
    }
}

using System.Globalization;
using System.Text;

namespace Infra.Nats.Tests.Drill;

/// <summary>
/// The drill as a picture: one panel per region, requests answered per second by responders on that
/// region's servers, and that region's clients' failed requests; the drill's phases, lame ducks, kills
/// and restores marked across all panels.
/// </summary>
internal static class TimelineSvg
{
    private const double BucketMs = 250;
    private const int Width = 1100, Left = 70, Right = 20, Top = 62, PanelHeight = 110, PanelGap = 26, Bottom = 12;

    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];
    private const string FailedColor = "#d62728";

    public static string Render(IReadOnlyList<RequestRecord> requests, IReadOnlyList<DrillEvent> events, IReadOnlyList<string> regions, double fromMs, double toMs)
    {
        var buckets = (int)Math.Ceiling((toMs - fromMs) / BucketMs);
        double Rate(int count) => count * 1000 / BucketMs;
        var served = regions.ToDictionary(r => r, _ => new int[buckets]);
        var failed = regions.ToDictionary(r => r, _ => new int[buckets]);
        foreach (var r in requests.Where(r => r.SentMs >= fromMs && r.SentMs < toMs))
        {
            var b = (int)((r.SentMs - fromMs) / BucketMs);
            if (r.Ok && r.ServedBy is { } region && served.TryGetValue(region, out var series)) series[b]++;
            else if (!r.Ok && failed.TryGetValue(r.Home, out var lost)) lost[b]++;
        }
        var height = Top + regions.Count * (PanelHeight + PanelGap) + Bottom;
        var plotW = Width - Left - Right;
        double X(double ms) => Left + (ms - fromMs) / (toMs - fromMs) * plotW;
        var plotsTop = Top;
        var plotsBottom = Top + regions.Count * (PanelHeight + PanelGap) - PanelGap;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">NATS super-cluster drill: requests answered per second by each region's responders</text>\n");
        svg.Append($"<text x=\"{Left}\" y=\"34\" fill=\"#444\">red: failed requests of that region's clients · dashed red: SIGKILL · dashed green: restart · dotted brown: lame duck</text>\n");

        // Events across all panels.
        var labelRow = 0;
        foreach (var e in events.Where(e => e.Ms >= fromMs && e.Ms <= toMs))
        {
            var (color, dash) = e.Kind switch
            {
                "kill" => (FailedColor, "5,3"),
                "restore" => ("#2ca02c", "5,3"),
                "lame-duck" => ("#8c564b", "2,3"),
                _ => ("#333", ""),
            };
            var dashAttr = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.Append($"<line x1=\"{F(X(e.Ms))}\" x2=\"{F(X(e.Ms))}\" y1=\"{plotsTop}\" y2=\"{plotsBottom}\" stroke=\"{color}\"{dashAttr} stroke-width=\"{(e.Kind == "phase" ? 1.5 : 1)}\"/>\n");
            if (e.Kind == "phase")
                svg.Append($"<text x=\"{F(X(e.Ms) + 3)}\" y=\"{Top - 8 - 11 * (labelRow++ % 2)}\" font-weight=\"bold\">{Escape(e.Label)}</text>\n");
        }

        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var top = Top + i * (PanelHeight + PanelGap);
            var max = Math.Max(50, Math.Max(served[region].Max(), failed[region].Max()) * 1000 / BucketMs * 1.1);
            double Y(double rate) => top + PanelHeight - rate / max * PanelHeight;
            svg.Append($"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotW}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
            for (var g = 1; g <= 2; g++)
            {
                var rate = max * g / 2;
                svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(rate))}\" y2=\"{F(Y(rate))}\" stroke=\"#eee\"/>");
                svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(rate))}\" text-anchor=\"end\" dominant-baseline=\"middle\">{rate:0}/s</text>\n");
            }
            svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(0))}\" text-anchor=\"end\" dominant-baseline=\"middle\">0</text>\n");
            svg.Append($"<text x=\"{Left + 6}\" y=\"{top + 14}\" font-weight=\"bold\" fill=\"{Colors[i % Colors.Length]}\">answered in {Escape(region)}</text>\n");
            svg.Append(Polyline(served[region], Colors[i % Colors.Length], 1.6, Y));
            svg.Append(Polyline(failed[region], FailedColor, 1.2, Y));
            foreach (var e in events.Where(e => e.Kind is "kill" or "restore" && e.Label.Length > 0 && e.Label.Contains(region, StringComparison.Ordinal)))
                svg.Append($"<text x=\"{F(X(e.Ms) + 3)}\" y=\"{top + (e.Kind == "kill" ? 28 : 42)}\" fill=\"{(e.Kind == "kill" ? FailedColor : "#2ca02c")}\">{Escape(e.Label)}</text>\n");
        }

        for (var s = 0; s * 1000 <= toMs - fromMs; s += 5)
        {
            var x = F(X(fromMs + s * 1000));
            svg.Append($"<line x1=\"{x}\" x2=\"{x}\" y1=\"{plotsBottom}\" y2=\"{plotsBottom + 4}\" stroke=\"black\"/>");
            svg.Append($"<text x=\"{x}\" y=\"{plotsBottom + 16}\" text-anchor=\"middle\">{s} s</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();

        string Polyline(int[] counts, string color, double width, Func<double, double> y)
        {
            var points = string.Join(" ", counts.Select((c, b) => $"{F(X(fromMs + (b + 0.5) * BucketMs))},{F(y(Rate(c)))}"));
            return $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{F(width)}\" points=\"{points}\"/>\n";
        }
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

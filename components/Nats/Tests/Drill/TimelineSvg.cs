using System.Globalization;
using System.Text;

namespace Infra.Nats.Tests.Drill;

/// <summary>
/// The drill as a picture: requests answered per second by each region's responders over time (failed
/// requests in red), with the drill's phases, kills and restores marked.
/// </summary>
internal static class TimelineSvg
{
    private const double BucketMs = 250;
    private const int Width = 1100, Height = 420, Left = 60, Right = 20, Top = 60, Bottom = 50;

    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];

    public static string Render(IReadOnlyList<RequestRecord> requests, IReadOnlyList<DrillEvent> events, IReadOnlyList<string> regions, double fromMs, double toMs)
    {
        var buckets = (int)Math.Ceiling((toMs - fromMs) / BucketMs);
        double Rate(int count) => count * 1000 / BucketMs;
        var served = regions.ToDictionary(r => r, _ => new int[buckets]);
        var failed = new int[buckets];
        foreach (var r in requests.Where(r => r.SentMs >= fromMs && r.SentMs < toMs))
        {
            var b = (int)((r.SentMs - fromMs) / BucketMs);
            if (r.Ok && r.ServedBy is { } region && served.TryGetValue(region, out var series)) series[b]++;
            else if (!r.Ok) failed[b]++;
        }
        var max = Math.Max(10, served.Values.SelectMany(s => s).Concat(failed).Select(Rate).Max() * 1.1);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        string X(double ms) => F(Left + (ms - fromMs) / (toMs - fromMs) * plotW);
        string Y(double rate) => F(Top + plotH - rate / max * plotH);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">NATS super-cluster drill: requests answered per second, by the region of the responder</text>\n");

        // Axes and grid.
        for (var i = 0; i <= 4; i++)
        {
            var rate = max * i / 4;
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(rate)}\" y2=\"{Y(rate)}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{Y(rate)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{rate:0}</text>\n");
        }
        for (var s = 0; s * 1000 <= toMs - fromMs; s += 10)
        {
            var ms = fromMs + s * 1000;
            svg.Append($"<line x1=\"{X(ms)}\" x2=\"{X(ms)}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH + 4}\" stroke=\"black\"/>");
            svg.Append($"<text x=\"{X(ms)}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{s} s</text>\n");
        }
        svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" stroke=\"black\"/>\n");
        svg.Append($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"black\"/>\n");
        svg.Append($"<text x=\"14\" y=\"{Top + plotH / 2}\" transform=\"rotate(-90 14 {Top + plotH / 2})\" text-anchor=\"middle\">requests/s</text>\n");

        // Events: phases as labelled bands, kills and restores as lines.
        var lane = 0;
        foreach (var e in events.Where(e => e.Ms >= fromMs && e.Ms <= toMs))
        {
            var (color, dash) = e.Kind switch
            {
                "kill" => ("#d62728", "4,3"),
                "restore" => ("#2ca02c", "4,3"),
                "lame-duck" => ("#8c564b", "2,3"),
                _ => ("#555", ""),
            };
            var dashAttr = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.Append($"<line x1=\"{X(e.Ms)}\" x2=\"{X(e.Ms)}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"{color}\"{dashAttr} stroke-width=\"{(e.Kind == "phase" ? 1.5 : 1)}\"/>\n");
            if (e.Kind == "phase")
                svg.Append($"<text x=\"{F(double.Parse(X(e.Ms), CultureInfo.InvariantCulture) + 3)}\" y=\"{Top - 6}\" font-weight=\"bold\">{Escape(e.Label)}</text>\n");
            else if (e.Kind is "kill" or "restore")
                svg.Append($"<text x=\"{F(double.Parse(X(e.Ms), CultureInfo.InvariantCulture) + 3)}\" y=\"{Top + 12 + 12 * (lane++ % 3)}\" fill=\"{color}\">{Escape(e.Label)}</text>\n");
        }

        // Series.
        for (var i = 0; i < regions.Count; i++)
            svg.Append(Polyline(served[regions[i]], Colors[i % Colors.Length], 1.6));
        svg.Append(Polyline(failed, "#d62728", 1.2));

        // Legend.
        var legendX = Left + 10.0;
        foreach (var (label, color) in regions.Select((r, i) => ($"served in {r}", Colors[i % Colors.Length])).Append(("failed", "#d62728")))
        {
            svg.Append($"<rect x=\"{F(legendX)}\" y=\"30\" width=\"12\" height=\"4\" fill=\"{color}\"/><text x=\"{F(legendX + 16)}\" y=\"35\">{Escape(label)}</text>\n");
            legendX += 30 + label.Length * 6.2;
        }
        svg.Append("</svg>\n");
        return svg.ToString();

        string Polyline(int[] counts, string color, double width)
        {
            var points = string.Join(" ", counts.Select((c, b) => $"{X(fromMs + (b + 0.5) * BucketMs)},{Y(Rate(c))}"));
            return $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{F(width)}\" points=\"{points}\"/>\n";
        }
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

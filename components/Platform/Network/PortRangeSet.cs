namespace Infra.Platform.Network;

/// <summary>An immutable set of inclusive integer ranges, kept sorted and merged.</summary>
internal sealed class PortRangeSet
{
    public static readonly PortRangeSet Empty = new([]);

    public IReadOnlyList<(int From, int To)> Ranges { get; }

    private PortRangeSet(IReadOnlyList<(int From, int To)> ranges) => Ranges = ranges;

    public static PortRangeSet Of(int from, int to) => new([(from, to)]);

    public bool IsEmpty => Ranges.Count == 0;

    public PortRangeSet Union(PortRangeSet other)
    {
        var merged = new List<(int From, int To)>();
        foreach (var range in Ranges.Concat(other.Ranges).OrderBy(r => r.From))
        {
            if (merged.Count > 0 && range.From <= merged[^1].To + 1)
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            else
                merged.Add(range);
        }
        return new PortRangeSet(merged);
    }

    public PortRangeSet Intersect(PortRangeSet other)
    {
        var result = new List<(int From, int To)>();
        foreach (var a in Ranges)
            foreach (var b in other.Ranges)
            {
                var from = Math.Max(a.From, b.From);
                var to = Math.Min(a.To, b.To);
                if (from <= to) result.Add((from, to));
            }
        return Empty.Union(new PortRangeSet(result));
    }

    public bool Covers(int from, int to) => Ranges.Any(r => r.From <= from && r.To >= to);
}

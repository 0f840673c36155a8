using Infra.Platform.Network;

namespace Infra.Tests.Network;

public class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0", 16, 65536)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0, 4294967296)]
    [InlineData("192.168.1.7/32", "192.168.1.7", 32, 1)]
    public void Parses_and_prints_normalised(string text, string network, int prefix, long size)
    {
        var cidr = Ipv4Cidr.Parse(text);
        Assert.Equal(network, cidr.Network.ToString());
        Assert.Equal(prefix, cidr.PrefixLength);
        Assert.Equal(size, cidr.Size);
        Assert.Equal(text, cidr.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0", "ADDRESS/PREFIX")]
    [InlineData("10.0.0/16", "not an IPv4 address")]
    [InlineData("10.0.0.256/24", "not an IPv4 address")]
    [InlineData("10.0.0.00/24", "not an IPv4 address")]
    [InlineData("10.0.0.0/33", "prefix length is a number 0-32")]
    [InlineData("10.0.0.0/", "prefix length is a number 0-32")]
    [InlineData("10.0.0.0/-1", "prefix length is a number 0-32")]
    [InlineData(" 10.0.0.0/16", "not an IPv4 address")]
    [InlineData("10.0.0.1/16", "did you mean 10.0.0.0/16?")]
    public void Rejects_bad_text_saying_how_to_fix_it(string text, string hint)
    {
        var error = Assert.Throws<NetworkPlanException>(() => Ipv4Cidr.Parse(text, "infra:vpcCidr"));
        Assert.StartsWith("infra:vpcCidr: ", error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void Contains_and_overlaps_follow_the_address_ranges()
    {
        var vpc = Ipv4Cidr.Parse("10.0.0.0/16");
        Assert.True(vpc.Contains(Ipv4Cidr.Parse("10.0.255.0/24")));
        Assert.True(vpc.Contains(vpc));
        Assert.False(vpc.Contains(Ipv4Cidr.Parse("10.0.0.0/15")));
        Assert.False(vpc.Contains(Ipv4Cidr.Parse("10.1.0.0/24")));
        Assert.True(vpc.Contains(Ipv4Address.Parse("10.0.200.1")));
        Assert.False(vpc.Contains(Ipv4Address.Parse("10.1.0.0")));
        Assert.True(vpc.Overlaps(Ipv4Cidr.Parse("10.0.0.0/8")));
        Assert.True(Ipv4Cidr.Parse("10.0.0.0/8").Overlaps(vpc));
        Assert.False(vpc.Overlaps(Ipv4Cidr.Parse("10.1.0.0/16")));
        Assert.Equal("10.0.255.255", vpc.Last.ToString());
    }

    [Fact]
    public void Split_tiles_the_block_in_order()
    {
        var blocks = Ipv4Cidr.Parse("10.0.0.0/22").Split(24).Select(b => b.ToString()).ToArray();
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"], blocks);
        Assert.Throws<NetworkPlanException>(() => Ipv4Cidr.Parse("10.0.0.0/22").Subnet(24, 4));
        Assert.Throws<NetworkPlanException>(() => Ipv4Cidr.Parse("10.0.0.0/22").Subnet(21, 0));
    }

    [Theory]
    [InlineData("0.0.0.0/0", "10.0.0.0/16")]
    [InlineData("10.0.0.0/8", "10.200.3.128/25")]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("10.0.0.0/16", "172.16.0.0/12")]
    public void Exclude_leaves_exactly_the_addresses_outside_the_hole(string whole, string hole)
    {
        var outer = Ipv4Cidr.Parse(whole);
        var inner = Ipv4Cidr.Parse(hole);
        var rest = outer.Exclude(inner);
        var expectedSize = outer.Overlaps(inner) ? outer.Size - Math.Min(outer.Size, inner.Size) : outer.Size;
        Assert.Equal(expectedSize, rest.Sum(c => c.Size));
        Assert.All(rest, c => Assert.True(outer.Contains(c)));
        Assert.All(rest, c => Assert.False(c.Overlaps(inner)));
        SubnetPlanner.EnsureDisjoint(rest.Select((c, i) => new NamedCidr($"part {i}", c)));
    }
}

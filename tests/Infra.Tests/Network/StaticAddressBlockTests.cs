using Infra.Platform.Network;

namespace Infra.Tests.Network;

public class StaticAddressBlockTests
{
    [Theory]
    [InlineData("10.0.64.0/21", 16, "10.0.64.16/28", "10.0.64.16")]
    [InlineData("10.0.64.0/21", 3, "10.0.64.4/30", "10.0.64.4")]
    [InlineData("10.0.64.0/21", 300, "10.0.66.0/23", "10.0.66.0")]
    [InlineData("10.0.0.16/28", 7, "10.0.0.24/29", "10.0.0.24")]
    public void Block_follows_the_reserved_head_aligned(string subnet, int capacity, string block, string first)
    {
        var reserved = StaticAddressBlock.Reserve(Ipv4Cidr.Parse(subnet), capacity);
        Assert.Equal(block, reserved.Block.ToString());
        Assert.Equal(first, reserved.AddressOf(0).ToString());
    }

    [Fact]
    public void Addresses_skip_the_aws_reserved_five_and_stay_put_as_the_fleet_grows()
    {
        foreach (var prefix in Enumerable.Range(16, 13))
        {
            var subnet = new Ipv4Cidr(Ipv4Address.Parse("10.0.0.0"), prefix);
            for (var capacity = 1; capacity <= Math.Min(600, subnet.Size); capacity = capacity * 2 + 1)
            {
                StaticAddressBlock block;
                try { block = StaticAddressBlock.Reserve(subnet, capacity); }
                catch (NetworkPlanException error)
                {
                    Assert.Contains("use a larger subnet or a smaller capacity", error.Message);
                    continue;
                }
                var addresses = Enumerable.Range(0, capacity).Select(block.AddressOf).ToList();
                Assert.Equal(capacity, addresses.Distinct().Count());
                Assert.All(addresses, a => Assert.True(subnet.Contains(a)));
                Assert.All(addresses, a => Assert.False(AwsSubnetAddresses.IsReserved(subnet, a), $"{a} is reserved in {subnet}"));
                Assert.All(addresses, a => Assert.True(block.Block.Contains(a)));
                Assert.True(addresses.Count <= AwsSubnetAddresses.UsableCount(subnet));
            }
        }
    }

    [Fact]
    public void Aws_reserved_addresses_are_the_first_four_and_the_last()
    {
        var subnet = Ipv4Cidr.Parse("10.0.1.0/24");
        var reserved = Enumerable.Range(0, 256).Select(i => subnet.Network.Offset(i)).Where(a => AwsSubnetAddresses.IsReserved(subnet, a));
        Assert.Equal(["10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255"], reserved.Select(a => a.ToString()));
        Assert.Equal(251, AwsSubnetAddresses.UsableCount(subnet));
    }

    [Fact]
    public void Out_of_range_requests_say_how_to_fix_them()
    {
        var block = StaticAddressBlock.Reserve(Ipv4Cidr.Parse("10.0.64.0/24"), 8, "private-0");
        var beyond = Assert.Throws<NetworkPlanException>(() => block.AddressOf(8));
        Assert.Contains("ordinal 8 is outside the static block's capacity 8", beyond.Message);
        var tooMany = Assert.Throws<NetworkPlanException>(() => StaticAddressBlock.Reserve(Ipv4Cidr.Parse("10.0.0.0/28"), 8, "private-0"));
        Assert.StartsWith("private-0: subnet 10.0.0.0/28 (16 addresses) cannot hold", tooMany.Message);
        Assert.Throws<NetworkPlanException>(() => StaticAddressBlock.Reserve(Ipv4Cidr.Parse("10.0.0.0/24"), 0));
    }
}

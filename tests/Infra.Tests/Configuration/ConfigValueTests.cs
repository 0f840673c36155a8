using Infra.Platform.Configuration;

namespace Infra.Tests.Configuration;

/// <summary>The value checks config keys share: host addresses, image references and did-you-mean suggestions.</summary>
public class ConfigValueTests
{
    [Theory]
    [InlineData("10.0.0.11")]
    [InlineData("192.168.1.254")]
    [InlineData("239.0.0.1.5", "is not an IP address")]
    [InlineData("db.example.com", "is not an IP address (host names are not accepted")]
    [InlineData("10.1", "is not a plain dotted IPv4 address (it would mean 10.0.0.1).")]
    [InlineData("010.0.0.1", "is not a plain dotted IPv4 address (it would mean ")]
    [InlineData("127.0.0.1", "is a loopback address")]
    [InlineData("127.1.2.3", "is a loopback address")]
    [InlineData("::1", "is a loopback address")]
    [InlineData("0.0.0.0", "is not a host's address (unspecified or broadcast).")]
    [InlineData("::", "is not a host's address (unspecified or broadcast).")]
    [InlineData("255.255.255.255", "is not a host's address (unspecified or broadcast).")]
    [InlineData("224.0.0.1", "is a multicast address, not a host's address.")]
    [InlineData("239.255.255.255", "is a multicast address, not a host's address.")]
    [InlineData("223.255.255.255")]
    [InlineData("240.0.0.1", "is in the reserved range 240.0.0.0/4, not a host's address.")]
    [InlineData("255.255.255.254", "is in the reserved range 240.0.0.0/4, not a host's address.")]
    [InlineData("0.1.2.3", "is in 0.0.0.0/8 ('this network')")]
    [InlineData("1.0.0.1")]
    [InlineData("169.254.0.1", "is a link-local address")]
    [InlineData("169.255.0.1")]
    [InlineData("fe80::1", "is a link-local address")]
    [InlineData("ff02::1", "is a multicast address, not a host's address.")]
    [InlineData("2001:db8::10")]
    [InlineData("fd00::1")]
    public void Host_addresses_must_be_a_reachable_unicast_ip(string text, string? problem = null)
    {
        var actual = HostAddress.Problem(text);
        if (problem is null) Assert.Null(actual);
        else
        {
            Assert.NotNull(actual);
            Assert.StartsWith(problem, actual);
        }
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:DB8:0:0::10", "2001:db8::10")]
    [InlineData(" Host.Example ", "host.example")]
    public void Canonical_addresses_compare_as_one_host(string text, string canonical) =>
        Assert.Equal(canonical, HostAddress.Canonical(text));

    [Theory]
    [InlineData("10.0.0.1", "A")]
    [InlineData("2001:db8::1", "AAAA")]
    public void The_record_type_follows_the_address_family(string address, string type) =>
        Assert.Equal(type, HostAddress.RecordType(address));

    [Theory]
    [InlineData("postgres:17.2-bookworm")]
    [InlineData("docker.io/library/postgres:17.2-bookworm")]
    [InlineData("ghcr.io/acme/platform:1.42.0")]
    [InlineData("localhost/app:1")]
    [InlineData("localhost:5000/app:1")]
    [InlineData("registry:5000/app:1")]
    [InlineData("acme/platform:v1_2")]
    [InlineData("postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("postgres:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Pinned_images_are_accepted(string reference) => Assert.Null(ImageReference.Problem(reference));

    [Theory]
    [InlineData("postgres", "has no tag or digest, so it would float to whatever 'latest' is.")]
    [InlineData("docker.io/library/postgres", "has no tag or digest")]
    [InlineData("registry:5000/app", "has no tag or digest")]
    [InlineData("postgres:latest", "uses the 'latest' tag, which is not pinned.")]
    [InlineData("ghcr.io/acme/app:latest", "uses the 'latest' tag")]
    [InlineData("Postgres:1", "is not a valid image reference.")]
    [InlineData("acme/Platform:1", "is not a valid image reference.")]
    [InlineData("postgres:.1", "is not a valid image reference.")]
    [InlineData("postgres@sha256:abc", "is not a valid image reference.")]
    [InlineData("", "is not a valid image reference.")]
    [InlineData("a//b:1", "is not a valid image reference.")]
    public void Floating_and_malformed_images_are_refused(string reference, string problem) =>
        Assert.StartsWith(problem, ImageReference.Problem(reference));

    [Fact]
    public void A_host_without_a_dot_or_port_is_a_repository_path()
    {
        // "acme/platform" is a Docker Hub user and repository, not a registry host.
        Assert.Null(ImageReference.Problem("acme/platform:1"));
        Assert.Equal("is not a valid image reference.", ImageReference.Problem("Acme/platform:1"));
        Assert.Null(ImageReference.Problem("My.Registry/platform:1"));
    }

    [Theory]
    [InlineData("servces", "services")]
    [InlineData("SERVICES", "services")]
    [InlineData("ownr", "owner")]
    [InlineData("ab", "ab")]
    [InlineData("tierr", "tier")]
    public void A_close_name_is_suggested(string input, string expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(input, ["services", "owner", "tier", "ab", "catalog"]));

    [Theory]
    [InlineData("zzzzzz")]
    [InlineData("xyz")]
    public void A_far_name_gets_no_suggestion(string input) =>
        Assert.Null(DidYouMean.Suggest(input, ["services", "owner", "tier", "catalog"]));

    [Fact]
    public void Suggestions_allow_a_third_of_long_names_and_break_ties_by_name()
    {
        Assert.Equal("environment", DidYouMean.Suggest("enviromnemt", ["environment"]));
        Assert.Null(DidYouMean.Suggest("envxxxxment", ["environment"]));
        Assert.Equal("ab", DidYouMean.Suggest("a", ["ba", "ab"]));
        Assert.Equal("abc", DidYouMean.Suggest("abd", ["abc", "abe"]));
        Assert.Null(DidYouMean.Suggest("x", []));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void Distance_is_the_levenshtein_distance(string a, string b, int distance)
    {
        Assert.Equal(distance, DidYouMean.Distance(a, b));
        Assert.Equal(distance, DidYouMean.Distance(b, a));
    }
}

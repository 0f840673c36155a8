using Infra.Synthesis;

namespace Infra.Tests.Core;

/// <summary>
/// Which properties of an args object are written and in which order. <see cref="ArgsSerializer.MembersOf"/>
/// is uncached, so these tests see the rule itself rather than a copy made by an earlier serialization.
/// </summary>
public class ArgsMembersTests
{
    // Declared before its base on purpose: base-first order must come from the class depth, not
    // from the order the compiler numbered the properties in.
    private sealed class DerivedArgs : BaseArgs
    {
        public string? Beta { get; init; }
        public string? Gamma { get; init; }
        public string this[int index] => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string WriteOnly { set { } }
    }

    private class BaseArgs : Args
    {
        public string? Zeta { get; init; }
        [WireName("ALPHA_one")] public string? Alpha { get; init; }
    }

    [Fact]
    public void Base_class_members_come_first_each_class_in_declaration_order()
    {
        Assert.Equal(["zeta", "ALPHA_one", "beta", "gamma"], ArgsSerializer.MembersOf(typeof(DerivedArgs)).Select(m => m.Name));
        Assert.Equal(["zeta", "ALPHA_one"], ArgsSerializer.MembersOf(typeof(BaseArgs)).Select(m => m.Name));
    }

    [Fact]
    public void Indexers_and_write_only_properties_are_not_members()
    {
        var members = ArgsSerializer.MembersOf(typeof(DerivedArgs));
        Assert.DoesNotContain(members, m => m.Property.GetIndexParameters().Length > 0);
        Assert.DoesNotContain(members, m => m.Name == "writeOnly");
        Assert.Equal(4, members.Count);
    }

    [Fact]
    public void Serialization_follows_the_members_and_skips_nulls()
    {
        var expr = ArgsSerializer.Serialize(new DerivedArgs { Gamma = "g", Zeta = "z", Alpha = "a" });
        Assert.Equal(["zeta", "ALPHA_one", "gamma"], expr.Entries.Select(e => e.Key));
    }
}

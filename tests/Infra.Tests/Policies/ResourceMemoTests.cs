using Infra.Policies.Inspection;
using Infra.Synthesis;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>Facts read once per resource (<see cref="ResourceMemo{T}"/>): per resource, per program, never stale.</summary>
public sealed class ResourceMemoTests
{
    [Fact]
    public void A_fact_is_computed_once_per_resource_and_kept()
    {
        var calls = 0;
        var memo = new ResourceMemo<string>(r => { calls++; return r.Name + calls; });
        var f = new PolicyFixture();
        var a = f.Add("a", Tokens.Vpc);
        var b = f.Add("b", Tokens.Vpc);

        Assert.Equal("a1", memo.Get(a));
        Assert.Equal("a1", memo.Get(a));
        Assert.Equal("b2", memo.Get(b));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Resources_of_the_same_name_in_two_programs_have_their_own_facts()
    {
        var one = new PolicyFixture();
        var two = new PolicyFixture();
        var first = one.Add("vpc", Tokens.Vpc, ("tags", Obj(("role", "one"))));
        var second = two.Add("vpc", Tokens.Vpc, ("tags", Obj(("role", "two"))));

        Assert.Equal("one", Taggable.Tags(first)["role"]);
        Assert.Equal("two", Taggable.Tags(second)["role"]);
    }

    [Fact]
    public void A_resource_added_after_the_first_reads_gets_its_own_facts()
    {
        var f = new PolicyFixture();
        var vpc = f.Add("vpc", Tokens.Vpc, ("tags", Obj(("role", "a"))));
        Assert.Equal("a", Taggable.Tags(vpc)["role"]);
        var subnet = f.Add("subnet", Tokens.Subnet, ("tags", Obj(("role", "b"))));

        Assert.Equal("b", Taggable.Tags(subnet)["role"]);
        Assert.Same(Taggable.Tags(vpc), Taggable.Tags(vpc));
    }

    [Fact]
    public void Threads_reading_the_same_program_get_the_same_answers()
    {
        var f = new PolicyFixture();
        var resources = Enumerable.Range(0, 200).Select(i => (Resource)f.Add($"r{i}", Tokens.Vpc, ("tags", Obj(("i", i.ToString()))))).ToList();
        var answers = new string?[4, resources.Count];
        Parallel.For(0, 4, t =>
        {
            for (var i = 0; i < resources.Count; i++) answers[t, i] = Taggable.Tags(resources[(i + t * 50) % resources.Count])["i"];
        });
        for (var t = 0; t < 4; t++)
        for (var i = 0; i < resources.Count; i++)
            Assert.Equal(((i + t * 50) % resources.Count).ToString(), answers[t, i]);
    }

    [Fact]
    public void User_data_is_decoded_once_and_reads_null_when_unset()
    {
        var f = new PolicyFixture();
        var instance = f.Add("i", Tokens.Instance, ("userData", "#!/bin/sh\necho hi"));
        var bare = f.Add("bare", Tokens.Instance);

        Assert.Equal("#!/bin/sh\necho hi", UserData.Text(instance));
        Assert.Same(UserData.Text(instance), UserData.Text(instance));
        Assert.Null(UserData.Text(bare));
    }
}

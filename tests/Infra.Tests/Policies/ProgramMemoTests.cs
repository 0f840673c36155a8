using Infra.Policies.Cluster;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// Facts read once per program (<see cref="ProgramMemo{T}"/>): kept per program, computed again when resources are
/// added, the same answer on every thread; and the program-wide readers that use it (security rules, Nomad jobs,
/// agent configs) never serve an answer older than the program.
/// </summary>
public sealed class ProgramMemoTests
{
    [Fact]
    public void A_fact_is_computed_once_per_program_and_again_after_resources_are_added()
    {
        var calls = 0;
        var memo = new ProgramMemo<string>(b => { calls++; return $"{b.Resources.Count}/{calls}"; });
        var f = new PolicyFixture();
        var before = f.Blueprint.Resources.Count;

        Assert.Equal($"{before}/1", memo.Get(f.Blueprint));
        Assert.Equal($"{before}/1", memo.Get(f.Blueprint));
        f.Add("vpc", Tokens.Vpc);
        Assert.Equal($"{before + 1}/2", memo.Get(f.Blueprint));
        Assert.Equal($"{before + 1}/2", memo.Get(f.Blueprint));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Programs_have_their_own_facts()
    {
        var memo = new ProgramMemo<string>(b => b.Resources[^1].Name);
        var one = new PolicyFixture();
        var two = new PolicyFixture();
        one.Add("first", Tokens.Vpc);
        two.Add("second", Tokens.Vpc);

        Assert.Equal("first", memo.Get(one.Blueprint));
        Assert.Equal("second", memo.Get(two.Blueprint));
    }

    [Fact]
    public void Threads_reading_the_same_program_get_the_same_answer()
    {
        var memo = new ProgramMemo<IReadOnlyList<string>>(b => b.Resources.Select(r => r.Name).ToList());
        var f = new PolicyFixture();
        for (var i = 0; i < 100; i++) f.Add($"r{i}", Tokens.Vpc);
        var expected = f.Blueprint.Resources.Select(r => r.Name).ToList();
        var answers = new IReadOnlyList<string>[8];
        Parallel.For(0, answers.Length, t => answers[t] = memo.Get(f.Blueprint));

        Assert.All(answers, answer => Assert.Equal(expected, answer));
        Assert.Same(memo.Get(f.Blueprint), memo.Get(f.Blueprint));
    }

    private static string Describe(IEnumerable<SecurityRule> rules) =>
        string.Join("\n", rules.Select(r => $"{r.Declared.Name} {r.Group?.Name} {r.Describe()}"));

    private static void SecurityRules(PolicyFixture f, bool withLate)
    {
        var sg = f.Add("sg", Tokens.SecurityGroup, ("ingress", List(Obj(("protocol", "tcp"), ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("0.0.0.0/0"))))));
        f.Add("out", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "-1"), ("cidrIpv4", "0.0.0.0/0"));
        f.Add("to-late", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", new Reference("late").Then("id")),
            ("protocol", "tcp"), ("fromPort", 5432), ("toPort", 5432), ("cidrBlocks", List("203.0.113.0/24")));
        if (withLate) f.Add("late", Tokens.SecurityGroup, ("egress", List(Obj(("protocol", "-1"), ("cidrBlocks", List("10.0.0.0/8"))))));
    }

    [Fact]
    public void Security_rules_are_kept_per_program_and_read_again_when_it_grows()
    {
        var grown = new PolicyFixture();
        SecurityRules(grown, withLate: false);
        var early = SecurityRule.All(grown.Blueprint);
        Assert.Same(early, SecurityRule.All(grown.Blueprint));
        Assert.Null(early.Single(r => r.Declared.Name == "to-late").Group);

        // The group a rule names arrives later: the rule now belongs to it, and the group's own rule is there too.
        grown.Add("late", Tokens.SecurityGroup, ("egress", List(Obj(("protocol", "-1"), ("cidrBlocks", List("10.0.0.0/8"))))));
        var later = SecurityRule.All(grown.Blueprint);
        Assert.Equal("late", later.Single(r => r.Declared.Name == "to-late").Group?.Name);
        var whole = new PolicyFixture();
        SecurityRules(whole, withLate: true);
        Assert.Equal(Describe(SecurityRule.All(whole.Blueprint)), Describe(later));
        Assert.Equal(early.Count + 1, later.Count);
    }

    [Fact]
    public void Network_rules_see_security_rules_added_after_a_first_evaluation()
    {
        var f = new PolicyFixture();
        var sg = f.Add("sg", Tokens.SecurityGroup);
        f.AssertOne("NET-007", "sg", "declares no egress");
        f.AssertNone("NET-001");
        Assert.Equal(0, f.Checked("NET-001"));

        f.Add("out", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrIpv4", "10.0.0.0/8"));
        f.Add("ssh", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "tcp"), ("fromPort", 22), ("toPort", 22), ("cidrIpv4", "0.0.0.0/0"));
        f.AssertNone("NET-007");
        f.AssertOne("NET-001", "ssh", "opens SSH/RDP to the whole internet");
        Assert.Equal(1, f.Checked("NET-001"));
        Assert.Equal(1, f.Checked("NET-008"));
    }

    [Fact]
    public void Network_rules_on_two_threads_find_what_they_find_on_one()
    {
        var f = new PolicyFixture();
        for (var i = 0; i < 40; i++)
        {
            var sg = f.Add($"sg{i}", Tokens.SecurityGroup, ("ingress", List(Obj(("protocol", "tcp"), ("fromPort", 20 + i), ("toPort", 30 + i), ("cidrBlocks", List(i % 2 == 0 ? "0.0.0.0/0" : "198.51.100.0/24"))))));
            if (i % 3 == 0) f.Add($"out{i}", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "-1"), ("cidrIpv4", "0.0.0.0/0"));
        }
        string[] ids = ["NET-001", "NET-002", "NET-003", "NET-007", "NET-008"];
        var single = new PolicyFixture(); // the same program, evaluated by one thread
        foreach (var resource in f.Blueprint.Resources.Where(r => !r.IsProvider))
            single.Add(resource.Name, resource.Type, [.. resource.Properties.Entries.Select(e => (e.Key, e.Value))]);
        string Render(PolicyFixture p, string id) => $"{p.Checked(id)}: " + string.Join("\n", p.Run(id).Select(v => v.Render()));
        var expected = ids.Select(id => Render(single, id)).ToList();

        var found = new string[2][];
        Parallel.For(0, 2, t => found[t] = (t == 0 ? ids : ids.Reverse()).Select(id => Render(f, id)).ToArray());

        Assert.Equal(expected, found[0]);
        Assert.Equal(expected, found[1].Reverse());
        Assert.Contains("[NET-001", expected[0], StringComparison.Ordinal); // the program has findings to compare
    }

    [Fact]
    public void Nomad_jobs_and_agent_configs_are_read_again_when_the_program_grows()
    {
        var f = new PolicyFixture(Infra.Platform.Tier.Global);
        f.Add("first", ClusterInspection.NomadJob, ("jobspec", "{\"Job\": {\"ID\": \"first\"}}"));
        Assert.Equal(["first"], ClusterInspection.NomadJobs(f.Blueprint).Select(j => (string?)j.Job?["ID"]));
        Assert.Empty(ClusterInspection.AgentConfigs(f.Blueprint));

        f.Add("second", ClusterInspection.NomadJob, ("jobspec", "{\"ID\": \"second\"}"));
        f.Add("lt", Tokens.LaunchTemplate, ("userData", "#cloud-config\nwrite_files:\n  - path: /etc/nomad.d/client.json\n    content: '{\"client\": {}}'\n"));
        Assert.Equal(["first", "second"], ClusterInspection.NomadJobs(f.Blueprint).Select(j => (string?)j.Job?["ID"]));
        Assert.Equal(["lt /etc/nomad.d/client.json"], ClusterInspection.AgentConfigs(f.Blueprint).Select(a => $"{a.Template.Name} {a.Path}"));
    }
}

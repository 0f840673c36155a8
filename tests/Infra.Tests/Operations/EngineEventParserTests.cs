using Infra.Operations.Deploy;

namespace Infra.Tests.Operations;

public class EngineEventParserTests
{
    private static List<EngineEvent> Load(string file)
    {
        using var reader = File.OpenText(RecordingProcessRunner.TestData(file));
        return EngineEventParser.ParseAll(reader).ToList();
    }

    [Fact]
    public void Parses_every_event_of_a_successful_up()
    {
        var events = Load("up-laptop-success.events.jsonl");
        Assert.Equal(12, events.Count);
        Assert.Equal(Enumerable.Range(0, 12), events.Select(e => e.Sequence));

        var prelude = Assert.IsType<PreludeEvent>(events[0]);
        Assert.Equal("laptop", prelude.Config["infra:tier"]);

        var pre = Assert.IsType<ResourcePreEvent>(events[4]);
        Assert.Equal(("create", "docker:index/network:Network", "platform-net"), (pre.Metadata.Op, pre.Metadata.Type, pre.Metadata.Name));
        Assert.False(pre.Planning);

        var warning = Assert.IsType<DiagnosticEvent>(events[7]);
        Assert.Equal("warning", warning.Severity);
        Assert.Equal("image platform:1.4.2 has no digest pin", warning.Message);  // colour directives stripped

        var summary = Assert.IsType<SummaryEvent>(events[10]);
        Assert.Equal(4, summary.ResourceChanges["create"]);
        Assert.Equal(10, summary.DurationSeconds);
        Assert.False(summary.IsPreview);
        Assert.IsType<CancelEvent>(events[11]);
    }

    [Fact]
    public void Parses_a_failed_step_with_its_status()
    {
        var failed = Assert.Single(Load("up-dc9-failure.events.jsonl").OfType<ResourceFailedEvent>());
        Assert.Equal(("create", "server-8", 1), (failed.Metadata.Op, failed.Metadata.Name, failed.Status));
    }

    [Fact]
    public void Parses_planned_steps_and_policy_events_of_a_preview()
    {
        var events = Load("preview-dc9.events.jsonl");
        Assert.All(events.OfType<ResourcePreEvent>(), pre => Assert.True(pre.Planning));
        Assert.Equal(["instanceType", "tags"], events.OfType<ResourcePreEvent>().Single(pre => pre.Metadata.Name == "server-0").Metadata.Diffs);
        var policy = Assert.Single(events.OfType<PolicyViolationEvent>());
        Assert.Equal(("no-public-instances", "advisory"), (policy.PolicyName, policy.EnforcementLevel));
        Assert.True(Assert.Single(events.OfType<SummaryEvent>()).IsPreview);
    }

    [Fact]
    public void Unknown_event_kinds_are_kept_not_rejected()
    {
        var other = Assert.IsType<OtherEvent>(EngineEventParser.ParseLine("""{"sequence":3,"timestamp":1,"progressEvent":{"type":"plugin-download","id":"x","message":"aws","received":1,"total":2,"done":false}}"""));
        Assert.Equal("progressEvent", other.Kind);
    }

    [Theory]
    [InlineData("not json", "event log line 7: not JSON")]
    [InlineData("[1,2]", "event log line 7: expected a JSON object")]
    [InlineData("""{"sequence":1,"timestamp":2}""", "event log line 7: no event field")]
    [InlineData("""{"sequence":1,"resourcePreEvent":{}}""", "event log line 7: a step event without 'metadata'")]
    public void Malformed_lines_say_which_line_and_why(string line, string expected)
    {
        var error = Assert.Throws<EngineEventFormatException>(() => EngineEventParser.ParseLine(line, 7));
        Assert.StartsWith(expected, error.Message);
    }
}

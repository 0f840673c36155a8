using System.CommandLine;
using Infra.Cli.Commands;
using Infra.Operations;
using Infra.Operations.Deploy;

namespace Infra.Tests.Operations;

/// <summary>The infra commands parsed and invoked as a user would type them.</summary>
public sealed class CommandTests : IDisposable
{
    private const string BaseProgram = "resources:\n  web:\n    type: aws:ec2/instance:Instance\n    properties:\n      instanceType: t3.small\n";
    private const string HeadProgram = "resources:\n  web:\n    type: aws:ec2/instance:Instance\n    properties:\n      instanceType: t3.large\n";

    private readonly string project = Directory.CreateTempSubdirectory("infra-command-test-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public CommandTests() => File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");

    public void Dispose() => Directory.Delete(project, recursive: true);

    private sealed class FixedSynthesizer(Func<string, string> program) : ISynthesizer
    {
        public string Synthesize(string projectRoot, string stack) => program(stack);
    }

    private RootCommand Root(IProcessRunner? runner = null, Func<string, string>? program = null)
    {
        var synthesizer = new FixedSynthesizer(program ?? (_ => HeadProgram));
        var root = new RootCommand("infra") { DiffCommand.Create(synthesizer, runner), ScheduleCommand.Create() };
        foreach (var command in DeployCommands.Create(synthesizer, runner)) root.Add(command);
        return root;
    }

    private async Task<int> Run(RootCommand root, params string[] args) =>
        await root.Parse([.. args, "--project-dir", project]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

    private void StackFile(string stack, string config) =>
        File.WriteAllText(Path.Combine(project, $"Pulumi.{stack}.yaml"), "config:\n" + config);

    [Fact]
    public void Every_command_and_option_has_help_text_and_the_exit_codes_are_documented()
    {
        foreach (var command in Root().Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
            Assert.Contains("Exit codes:", command.Description);
            Assert.All(command.Options, option => Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name}"));
            Assert.All(command.Arguments, argument => Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{command.Name} {argument.Name}"));
        }
        Assert.Equal(["diff", "schedule", "up", "preview", "destroy", "refresh"], Root().Subcommands.Select(command => command.Name));
    }

    [Fact]
    public async Task Diff_against_a_base_file_prints_the_terminal_diff()
    {
        var baseFile = Path.Combine(project, "base.yaml");
        File.WriteAllText(baseFile, BaseProgram);
        var changed = Path.Combine(project, "changed.txt");
        Assert.Equal(0, await Run(Root(), "diff", "dc9", "--base-file", baseFile, "--changed-stacks", changed));
        Assert.Contains("dc9: +0 ~1 -0 (against base.yaml)", output.ToString());
        Assert.Contains("~ properties.instanceType: \"t3.small\" → \"t3.large\"", output.ToString());
        Assert.Equal(["dc9"], File.ReadAllLines(changed));
    }

    [Fact]
    public async Task Diff_reports_a_new_parent_type_as_a_replacement_with_the_stack_and_project_in_the_URN()
    {
        var baseFile = Path.Combine(project, "base.yaml");
        File.WriteAllText(baseFile, "resources:\n  role:\n    type: aws:iam/role:Role\n" + BaseProgram["resources:\n".Length..]);
        var head = "resources:\n  role:\n    type: aws:iam/role:Role\n" + BaseProgram["resources:\n".Length..] + "    options:\n      parent: ${role}\n";
        Assert.Equal(0, await Run(Root(program: _ => head), "diff", "dc9", "--base-file", baseFile));
        var text = output.ToString();
        Assert.Contains("dc9: +0 ~0 -0 +-1 (against base.yaml)", text);
        Assert.Contains("REPLACES 1: 1 instance (web)", text);
        Assert.Contains("parent types (stack) → aws:iam/role:Role", text);
        Assert.Contains("! old URN: urn:pulumi:dc9::infra::aws:ec2/instance:Instance::web", text);
    }

    [Fact]
    public async Task Diff_markdown_goes_to_the_output_file_with_the_marker()
    {
        var baseFile = Path.Combine(project, "base.yaml");
        File.WriteAllText(baseFile, BaseProgram);
        var comment = Path.Combine(project, "comment.md");
        Assert.Equal(0, await Run(Root(), "diff", "dc9", "--base-file", baseFile, "--format", "markdown", "--output", comment));
        Assert.StartsWith("<!-- infra-diff -->", File.ReadAllText(comment));
        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData(new[] { "diff", "dc9" }, "give exactly one of --base REF")]
    [InlineData(new[] { "diff", "dc9", "--base", "main", "--base-file", "x" }, "give exactly one of --base REF")]
    [InlineData(new[] { "diff", "dc9", "laptop", "--base-file", "x" }, "--base-file holds one program, but 2 stacks were given")]
    public async Task Diff_usage_errors_exit_2(string[] args, string message)
    {
        Assert.Equal(2, await Run(Root(), args));
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_stack_that_cannot_be_synthesized_is_reported_and_fails_the_command_after_the_others()
    {
        var baseFile = Path.Combine(project, "base.yaml");
        File.WriteAllText(baseFile, BaseProgram);
        var root = Root(program: stack => stack == "dc9" ? HeadProgram : throw new Infra.Synthesis.SynthesisException("Tier 'global' (stack 'global') is not available yet"));
        Assert.Equal(0, await Run(root, "diff", "dc9", "--base-file", baseFile));

        var markdown = Path.Combine(project, "comment.md");
        Assert.Equal(2, await Run(root, "diff", "dc9", "global", "--base-file", baseFile));  // base-file: one stack only
        Assert.Equal(1, await Run(Root(program: _ => throw new Infra.Synthesis.SynthesisException("Tier 'global' is not available yet")),
            "diff", "global", "--base-file", baseFile, "--format", "markdown", "--output", markdown));
        Assert.Contains("- `global: error`", File.ReadAllText(markdown));
        Assert.Contains("`global` could not be compared: Tier 'global' is not available yet", File.ReadAllText(markdown));
        Assert.Contains("infra diff: global: Tier 'global' is not available yet", error.ToString());
    }

    [Fact]
    public async Task A_project_without_Pulumi_yaml_is_an_error_naming_the_fix()
    {
        File.Delete(Path.Combine(project, "Pulumi.yaml"));
        Assert.Equal(1, await Run(Root(), "schedule", "--stack", "dev-eu"));
        Assert.Contains("No Pulumi.yaml in", error.ToString());
    }

    [Fact]
    public async Task Diff_with_a_missing_base_file_exits_1_and_says_how_to_make_one()
    {
        Assert.Equal(1, await Run(Root(), "diff", "dc9", "--base-file", Path.Combine(project, "nope.yaml")));
        Assert.Contains("create one with `infra synth dc9 >", error.ToString());
    }

    [Fact]
    public async Task Schedule_prints_the_word_on_stdout_and_the_reason_on_stderr()
    {
        StackFile("dev-eu", "  infra:environment: dev\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n    weekendDown: \"Fri 20:00\"\n");
        // Monday 2026-01-05 07:00 in Berlin (CET, UTC+1).
        Assert.Equal(0, await Run(Root(), "schedule", "--stack", "dev-eu", "--at", "2026-01-05T06:00:00Z"));
        Assert.Equal("up", output.ToString().Trim());
        Assert.Contains("dev-eu: up: weekday spin-up 07:00 Europe/Berlin", error.ToString());
    }

    [Fact]
    public async Task Schedule_never_acts_on_production_even_manually()
    {
        StackFile("prod-eu", "  infra:environment: production\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n");
        Assert.Equal(0, await Run(Root(), "schedule", "--stack", "prod-eu", "--at", "2026-01-05T06:00:00Z"));
        Assert.Equal(0, await Run(Root(), "schedule", "--stack", "prod-eu", "--now", "destroy"));
        Assert.Equal(["nothing", "nothing"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Schedule_with_invalid_config_exits_1_naming_the_key()
    {
        StackFile("dev-us", "  infra:schedule:\n    timeZone: America/NewYork\n    weekdayUp: \"07:00\"\n");
        Assert.Equal(1, await Run(Root(), "schedule", "--stack", "dev-us"));
        Assert.Contains("infra schedule: stack 'dev-us': Invalid configuration for stack 'dev-us' (Pulumi.dev-us.yaml), 1 problem:\n" +
                        "  - infra:schedule.timeZone = \"America/NewYork\": is not a known IANA time zone id.", error.ToString());
    }

    [Fact]
    public async Task Schedule_with_an_unreadable_time_exits_2()
    {
        Assert.Equal(2, await Run(Root(), "schedule", "--stack", "dev-eu", "--at", "next monday"));
        Assert.Contains("--at 'next monday' is not an ISO-8601 time", error.ToString());
    }

    [Fact]
    public async Task Up_drives_pulumi_with_a_tier_default_and_the_program_size_as_progress_total()
    {
        var runner = new RecordingProcessRunner(eventStreamFile: RecordingProcessRunner.TestData("up-dc9-failure.events.jsonl"));
        Assert.Equal(0, await Run(Root(runner), "up", "dc9"));
        Assert.Equal("pulumi stack select --create dc9 --non-interactive", runner.CommandLines.First());
        Assert.Equal("pulumi config set infra:tier dc9 --stack dc9 --non-interactive", runner.CommandLines.ElementAt(1));
        Assert.StartsWith("pulumi up --stack dc9 --yes --skip-preview --non-interactive --event-log ", runner.CommandLines.Last());
        Assert.Contains("[1/3] updating aws:ec2/instance:Instance server-0", output.ToString());  // 1 resource + stack, raised to 3 seen
    }

    [Fact]
    public async Task Destroy_of_a_production_stack_is_refused_with_exit_1()
    {
        StackFile("eu", "  infra:environment: production\n  infra:tier: dc9\n");
        var runner = new RecordingProcessRunner();
        Assert.Equal(1, await Run(Root(runner), "destroy", "eu", "--force"));
        Assert.Empty(runner.Calls);
        Assert.Contains("Refusing to destroy production stack 'eu' (--confirm is missing)", error.ToString());

        Assert.Equal(0, await Run(Root(runner), "destroy", "eu", "--force", "--confirm", "eu"));
        Assert.StartsWith("pulumi destroy --stack eu --yes", runner.CommandLines.Last());
    }
}

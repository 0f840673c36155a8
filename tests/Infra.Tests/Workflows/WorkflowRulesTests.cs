using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Workflows;

/// <summary>Static rules every workflow keeps: supply chain, privileges, ordering, and one test command.</summary>
public partial class WorkflowRulesTests
{
    private static IEnumerable<WorkflowStep> AllSteps() => WorkflowFile.All().SelectMany(w => w.AllSteps());

    [Fact]
    public void Every_action_is_pinned_by_commit_sha_with_its_version_in_a_comment()
    {
        var used = AllSteps().Where(s => s.Uses is not null).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, step =>
        {
            Assert.Matches(PinnedAction(), step.Uses!);
            Assert.True(step.UsesComment is not null && VersionComment().IsMatch(step.UsesComment), $"{step.Label}: `uses: {step.Uses}` needs a `# vX.Y.Z` comment.");
        });
    }

    [Fact]
    public void The_same_action_is_pinned_to_the_same_commit_everywhere()
    {
        var byAction = AllSteps().Where(s => s.Uses is not null).GroupBy(s => s.Uses!.Split('@')[0]);
        Assert.All(byAction, group => Assert.Single(group.Select(s => s.Uses).Distinct()));
    }

    [Fact]
    public void Every_checkout_leaves_no_credentials_in_the_work_tree()
    {
        var checkouts = AllSteps().Where(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(checkouts);
        Assert.All(checkouts, step => Assert.True(step.With.GetValueOrDefault("persist-credentials") == "false", $"{step.Label}: set persist-credentials: false."));
    }

    [Fact]
    public void The_Pulumi_CLI_is_pinned_by_the_version_file()
    {
        var version = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".pulumi-version")).Trim();
        Assert.Matches(@"^3\.\d+\.\d+$", version);
        var installs = AllSteps().Where(s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(installs);
        Assert.All(installs, step => Assert.Equal(".pulumi-version", step.With.GetValueOrDefault("pulumi-version-file")));
    }

    [Fact]
    public void No_static_Pulumi_token_and_every_Pulumi_login_is_the_OIDC_exchange()
    {
        Assert.All(WorkflowFile.All(), w => Assert.DoesNotContain("PULUMI_ACCESS_TOKEN", w.Text));
        var logins = AllSteps().Where(s => s.Uses?.StartsWith("pulumi/auth-actions@", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(logins);
        Assert.All(logins, step =>
        {
            // A team token: the preview's team may only read stacks, the deploy team is set per environment.
            Assert.Equal("urn:pulumi:token-type:access_token:team", step.With["requested-token-type"]);
            Assert.Equal(step.Workflow == "pull-request.yml" ? "team:${{ vars.PULUMI_PREVIEW_TEAM }}" : "team:${{ vars.PULUMI_DEPLOY_TEAM }}", step.With["scope"]);
        });
    }

    [Fact]
    public void Run_blocks_never_expand_expressions_inline()
    {
        // ${{ }} inside a script is pasted as code (script injection); values go through env instead.
        Assert.All(AllSteps().Where(s => s.Run is not null), step => Assert.DoesNotContain("${{", step.Run!));
    }

    [Fact]
    public void Every_test_job_runs_exactly_what_ci_run_runs()
    {
        var ciRun = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".ci", "run"));
        var ciTest = ciRun.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("dotnet test", StringComparison.Ordinal)).ToList();
        Assert.Equal(["dotnet test Infra.sln -m:1"], ciTest);
        var readme = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "README.md"));
        Assert.Contains("```bash\ndotnet test Infra.sln -m:1\n```", readme);

        foreach (var workflow in new[] { "pull-request.yml", "deploy-main.yml" })
        {
            var test = WorkflowFile.Named(workflow).Steps("test");
            Assert.Contains(test, s => s.Run?.Trim() == "bash .ci/run");
        }
        // No other step runs a test command of its own that could drift from .ci/run's.
        Assert.All(AllSteps().Where(s => s.Run is not null), step =>
            Assert.False(Regex.IsMatch(step.Run!, @"dotnet\s+(test|build)\b"), $"{step.Label} runs dotnet test/build itself; run `bash .ci/run`."));
    }

    [Fact]
    public void Ci_run_and_the_workflows_install_Debian_packages_through_the_one_setup_script()
    {
        var ciRun = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".ci", "run"));
        Assert.Contains("bash .ci/setup-debian.sh", ciRun);
        Assert.DoesNotContain("apt-get install", ciRun);
        var setup = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".ci", "setup-debian.sh"));
        Assert.Contains("sudo", setup);
        foreach (var package in new[] { "shellcheck", "jq", "postgresql", "patroni", "cloud-init", "python3-botocore" })
            Assert.Matches($@"(?m)^\s+.*\b{Regex.Escape(package)}\b", setup);
        Assert.All(AllSteps().Where(s => s.Run is not null), step => Assert.DoesNotContain("apt-get", step.Run!));
    }

    [Fact]
    public void Deploys_are_serialized_per_workflow_and_no_job_relies_on_a_queued_per_stack_job()
    {
        var deploy = WorkflowFile.Named("deploy-main.yml");
        var concurrency = (YamlMappingNode)deploy.Root["concurrency"];
        Assert.Equal("deploy-main", concurrency["group"].ToString());
        Assert.Equal("false", concurrency["cancel-in-progress"].ToString());
        Assert.Equal("dev-schedule", ((YamlMappingNode)WorkflowFile.Named("dev-schedule.yml").Root["concurrency"])["group"].ToString());
        // A per-stack group keeps one pending job and cancels it for the next: nothing may depend on that.
        Assert.All(WorkflowFile.All(), w => Assert.All(w.JobIds, job => Assert.False(w.Job(job).Children.ContainsKey("concurrency"), $"{w.Name}/{job} has a job-level concurrency group.")));
    }

    [Fact]
    public void Deploying_jobs_run_in_an_environment_and_the_pull_request_preview_in_none()
    {
        var deploy = WorkflowFile.Named("deploy-main.yml").Job("up");
        Assert.Equal("${{ matrix.environment == 'production' && 'production' || 'dev' }}", deploy["environment"].ToString());
        var schedule = WorkflowFile.Named("dev-schedule.yml");
        Assert.Equal("dev", schedule.Job("plan")["environment"].ToString());
        Assert.Equal("dev", schedule.Job("apply")["environment"].ToString());
        var preview = WorkflowFile.Named("pull-request.yml").Job("preview");
        Assert.False(preview.Children.ContainsKey("environment"), "the PR preview keeps the pull_request OIDC subject, trusted only by the read-only role");
        Assert.Contains("AWS_PREVIEW_ROLE_ARN", WorkflowFile.Named("pull-request.yml").Text);
        Assert.DoesNotContain("AWS_DEPLOY_ROLE_ARN", WorkflowFile.Named("pull-request.yml").Text);
    }

    [Fact]
    public void Failures_of_deploys_and_schedules_open_an_alert_issue()
    {
        var deploy = WorkflowFile.Named("deploy-main.yml");
        Assert.Equal("failure()", deploy.Job("alert")["if"].ToString());
        Assert.Contains(deploy.Steps("alert"), s => s.With.GetValueOrDefault("script")?.Contains("alert-issue.js") == true);
        var report = WorkflowFile.Named("dev-schedule.yml").Steps("report");
        Assert.Contains(report, s => s.If == "failure() && github.event_name == 'schedule'" && s.With.GetValueOrDefault("script")?.Contains("alert-issue.js") == true);
    }

    [Fact]
    public void Dependabot_watches_the_actions_and_NuGet()
    {
        var text = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".github", "dependabot.yml"));
        Assert.Contains("package-ecosystem: github-actions", text);
        Assert.Contains("package-ecosystem: nuget", text);
    }

    [Fact]
    public void Workflows_never_grep_stack_files()
    {
        Assert.All(AllSteps().Where(s => s.Run is not null), step =>
        {
            Assert.DoesNotContain("Pulumi.*.yaml", step.Run!);
            Assert.False(Regex.IsMatch(step.Run!, @"grep[^|\n]*infra:"), $"{step.Label} greps for config; use `./infra stacks --format json`.");
        });
    }

    [GeneratedRegex(@"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"^v\d+\.\d+\.\d+$")]
    private static partial Regex VersionComment();
}

namespace Infra.Tests.Workflows;

/// <summary>pull-request.yml's shell steps against stubbed `./infra` and `pulumi`.</summary>
public sealed class PullRequestWorkflowTests : IDisposable
{
    private readonly StepSandbox sandbox = new();
    private static readonly WorkflowFile Workflow = WorkflowFile.Named("pull-request.yml");

    [Fact]
    public void Every_available_stack_file_is_diffed_and_the_changed_ones_go_to_preview_with_their_needs()
    {
        sandbox.Stub("infra", """
            echo "$*" >> infra.calls
            case "$1" in
              stacks) cat <<'JSON'
            [{"name":"dc9","available":true,"environment":"dev","credentials":["aws"]},
             {"name":"dev-eu","available":true,"environment":"dev","credentials":["aws","cloudflare"]},
             {"name":"global","available":false,"environment":"dev","credentials":[]},
             {"name":"laptop","available":true,"environment":"dev","credentials":["local-docker"]}]
            JSON
              ;;
              diff) printf 'dev-eu\n' > changed-stacks.txt; echo "## diff" > infra-diff.md ;;
            esac
            """);
        var result = sandbox.Run(Workflow.Step("offline-diff", "diff"), new() { ["BASE_REF"] = "origin/main" });

        Assert.True(result.ExitCode == 0, result.Log);
        var calls = File.ReadAllText(Path.Combine(sandbox.WorkDir, "infra.calls"));
        Assert.Contains("diff dc9 dev-eu laptop --base origin/main --format markdown --output infra-diff.md --changed-stacks changed-stacks.txt", calls);
        Assert.Equal("""[{"stack":"dev-eu","environment":"dev","credentials":["aws","cloudflare"]}]""", result.Outputs["changed"]);
        Assert.Equal("""["dc9","global","laptop"]""", result.Outputs["unchanged"]);
        Assert.Equal("0", result.Outputs["exit-code"]);
    }

    private StepResult Needs(string credentials, Dictionary<string, string> values)
    {
        values["STACK"] = "dev-eu";
        values["CREDENTIALS"] = credentials;
        return sandbox.Run(Workflow.Step("preview", "needs"), values);
    }

    [Fact]
    public void Each_provider_is_checked_on_its_own_and_a_missing_one_is_a_clear_note_not_a_red_job()
    {
        var result = Needs("aws cloudflare", new() { ["PULUMI_ORG"] = "acme", ["HAS_CLOUDFLARE_TOKEN"] = "true" });
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("false", result.Outputs["ready"]);
        Assert.Contains("Real preview of `dev-eu` skipped: it needs AWS (variable AWS_PREVIEW_ROLE_ARN, the read-only role). The offline diff above is its preview.", result.Summary);
        Assert.DoesNotContain("Cloudflare", result.Summary);

        var cloudflareMissing = Needs("aws cloudflare", new() { ["PULUMI_ORG"] = "acme", ["AWS_PREVIEW_ROLE_ARN"] = "arn:aws:iam::123456789012:role/preview", ["HAS_CLOUDFLARE_TOKEN"] = "false" });
        Assert.Equal("false", cloudflareMissing.Outputs["ready"]);
        Assert.Contains("it needs Cloudflare (secret CLOUDFLARE_PREVIEW_API_TOKEN, a read-only token).", cloudflareMissing.Summary);
        Assert.DoesNotContain("AWS", cloudflareMissing.Summary);

        var ready = Needs("aws cloudflare", new() { ["PULUMI_ORG"] = "acme", ["AWS_PREVIEW_ROLE_ARN"] = "arn:aws:iam::123456789012:role/preview", ["HAS_CLOUDFLARE_TOKEN"] = "true" });
        Assert.Equal("true", ready.Outputs["ready"]);
        Assert.Equal("true", ready.Outputs["aws"]);
        Assert.Equal("", ready.Summary);
    }

    [Theory]
    [InlineData("ssh", "SSH to the on-prem hosts, which a hosted runner cannot reach")]
    [InlineData("local-docker", "a local Docker engine: this stack runs on a laptop")]
    public void Stacks_a_hosted_runner_cannot_preview_get_a_note(string credentials, string expected)
    {
        var result = Needs(credentials, new() { ["PULUMI_BACKEND_URL"] = "s3://acme-pulumi-state" });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("false", result.Outputs["ready"]);
        Assert.Contains(expected, result.Summary);
        Assert.Contains("::notice title=preview skipped: dev-eu::", result.Stdout);
    }

    [Fact]
    public void Without_a_backend_the_preview_is_skipped_with_how_to_configure_one()
    {
        var result = Needs("", new());
        Assert.Equal("false", result.Outputs["ready"]);
        Assert.Contains("a Pulumi backend (variable PULUMI_ORG for Pulumi Cloud with OIDC, or PULUMI_BACKEND_URL for an S3 bucket)", result.Summary);
    }

    [Theory]
    [InlineData("""[{"name":"acme/infra/dev-eu","resourceCount":12}]""", "true")]
    [InlineData("""[{"name":"dev-eu"}]""", "true")]
    [InlineData("""[{"name":"dev-eu-2"},{"name":"acme/infra/dc9"}]""", "false")]
    [InlineData("[]", "false")]
    public void A_stack_missing_from_the_backend_is_skipped_never_created(string listed, string exists)
    {
        sandbox.Stub("pulumi", $$"""
            [ "$*" = "stack ls --json --non-interactive" ] || { echo "unexpected pulumi call: $*" >&2; exit 99; }
            echo '{{listed}}'
            """);
        var result = sandbox.Run(Workflow.Step("preview", "exists"), new() { ["STACK"] = "dev-eu" });
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal(exists, result.Outputs["exists"]);
        if (exists == "false") Assert.Contains("the stack does not exist in the backend, and a preview never creates one", result.Summary);
    }

    [Fact]
    public void Backticks_in_Pulumi_output_cannot_close_the_comment_fence_and_the_exit_code_passes_through()
    {
        sandbox.Stub("infra", """
            [ "$*" = "preview dev-eu --diff" ] || exit 99
            printf '  ~ userData: "```\\n````\\nrm -rf /"\n'
            exit 3
            """);
        var step = Workflow.Steps("preview").Single(s => s.Name == "pulumi preview --diff");
        var result = sandbox.Run(step, new() { ["STACK"] = "dev-eu", ["HEAD_SHA"] = "abcdef1234567" });

        Assert.Equal(3, result.ExitCode);
        var comment = File.ReadAllLines(Path.Combine(sandbox.WorkDir, "preview.md"));
        Assert.Equal("<!-- infra-preview:dev-eu -->", comment[0]);
        Assert.Contains("at abcdef1 (exit code 3)", comment[1]);
        Assert.Equal("`````diff", comment[3]);  // longer than the four backticks in the output
        Assert.Equal("`````", comment[^1]);
        Assert.Equal(2, comment.Count(line => line.StartsWith("`````", StringComparison.Ordinal)));
    }

    [Fact]
    public void Plain_output_gets_the_usual_three_backtick_fence()
    {
        sandbox.Stub("infra", "echo '  + aws:ec2/instance:Instance server-0 create'");
        var step = Workflow.Steps("preview").Single(s => s.Name == "pulumi preview --diff");
        var result = sandbox.Run(step, new() { ["STACK"] = "dc9", ["HEAD_SHA"] = "abcdef1234567" });
        Assert.Equal(0, result.ExitCode);
        var comment = File.ReadAllLines(Path.Combine(sandbox.WorkDir, "preview.md"));
        Assert.Equal("```diff", comment[3]);
        Assert.Equal("```", comment[^1]);
    }

    public void Dispose() => sandbox.Dispose();
}

using System.CommandLine;
using Infra.Cli.Commands;

namespace Infra.Tests.Configuration;

/// <summary>Stack names and stack files as the operations commands read them, invoked in-process as a user types them.</summary>
public sealed class OperationsInputTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("infra-operations-input-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public OperationsInputTests() => File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");

    public void Dispose() => Directory.Delete(project, recursive: true);

    private async Task<int> Schedule(params string[] args) =>
        await new RootCommand("infra") { ScheduleCommand.Create() }.Parse(["schedule", .. args, "--project-dir", project])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

    [Fact]
    public async Task Scheduling_a_stack_without_a_stack_file_is_an_error_not_nothing()
    {
        Assert.Equal(1, await Schedule("--stack", "dev-ue"));
        Assert.Equal("", output.ToString());
        Assert.Contains("Pulumi.dev-ue.yaml does not exist", error.ToString());
    }

    [Theory]
    [InlineData("../../etc/passwd", "has 4 parts")]
    [InlineData("../dev-eu", "which is not an organization name")]
    [InlineData("a b", "contains a space")]
    [InlineData("a/b/c/d", "has 4 parts")]
    public async Task A_stack_name_that_is_not_Pulumi_s_is_refused_before_any_file_is_read(string stack, string problem)
    {
        Assert.Equal(1, await Schedule("--stack", stack));
        Assert.Equal("", output.ToString());
        Assert.Contains(problem, error.ToString());
    }

    [Fact]
    public async Task A_qualified_stack_name_reads_the_stack_s_own_file()
    {
        File.WriteAllText(Path.Combine(project, "Pulumi.dev-eu.yaml"), "config:\n  infra:schedule:\n    timeZone: UTC\n    weekdayUp: \"07:00\"\n");
        Assert.Equal(0, await Schedule("--stack", "acme/infra/dev-eu", "--at", "2026-01-05T07:10:00Z", "--actual", "down", "--offline"));
        Assert.Equal("up", output.ToString().Trim());
    }
}

using System.CommandLine;
using System.Text.Json;
using Infra.Cli;
using Infra.Cli.Commands;
using Infra.Tests.Support;

namespace Infra.Tests.Operations;

/// <summary>
/// <c>infra stacks --format json</c>, what the workflows read instead of grepping YAML: every stack file,
/// deployOnPush as YAML means it (a comment after the value, <c>True</c>), real synthesis for the credentials.
/// </summary>
public sealed class StacksCommandTests : IDisposable
{
    private readonly TempProject project = new(
        ("dc9", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dc9.yaml"))),
        ("dev-eu", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dc9.yaml")).Replace("config:\n", "config:\n  infra:tier: dc9\n  infra:deployOnPush: true  # the README's example\n  infra:expiresOn: \"2026-12-24\"\n")),
        ("laptop", "config:\n  infra:deployOnPush: True\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n"),
        ("onprem3", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.onprem3.yaml"))),
        ("dev-broken", "config:\n  infra:tier: laptop\n  infra:deployOnPush: true\n  infra:cloudflareApiTokn: CANARY-9d1e\n"),
        ("global", "config: {}\n"),
        ("prod-eu", "config:\n  infra:tier: laptop\n  infra:environment: production\n  infra:deployOnPush: \"false\"\n"));

    public void Dispose() => project.Dispose();

    private static Dictionary<string, JsonElement> Run(string root)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new RootCommand("infra") { StacksCommand.Create(new StackProgramSynthesizer()) }
            .Parse(["stacks", "--format", "json", "--project-dir", root]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.Clone());
    }

    [Fact]
    public void Every_stack_file_is_listed_with_what_CI_needs()
    {
        var stacks = Run(project.Root);
        Assert.Equal(["dc9", "dev-broken", "dev-eu", "global", "laptop", "onprem3", "prod-eu"], stacks.Keys.Order(StringComparer.Ordinal));

        Assert.True(stacks["dev-eu"].GetProperty("deployOnPush").GetBoolean());  // a comment after the value
        Assert.True(stacks["laptop"].GetProperty("deployOnPush").GetBoolean());  // YAML's True
        Assert.False(stacks["dc9"].GetProperty("deployOnPush").GetBoolean());
        Assert.False(stacks["prod-eu"].GetProperty("deployOnPush").GetBoolean());

        Assert.Equal("dc9", stacks["dev-eu"].GetProperty("tier").GetString());
        Assert.Equal("2026-12-24", stacks["dev-eu"].GetProperty("expiresOn").GetString());
        Assert.True(stacks["laptop"].GetProperty("schedule").GetBoolean());
        Assert.Equal("production", stacks["prod-eu"].GetProperty("environment").GetString());

        Assert.Equal(["aws"], stacks["dc9"].GetProperty("credentials").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["ssh"], stacks["onprem3"].GetProperty("credentials").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["local-docker"], stacks["laptop"].GetProperty("credentials").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_stack_with_bad_config_is_listed_with_its_error_never_its_values_and_never_deploys()
    {
        var broken = Run(project.Root)["dev-broken"];
        Assert.False(broken.GetProperty("deployOnPush").GetBoolean());
        var message = broken.GetProperty("error").GetString()!;
        Assert.Contains("infra:cloudflareApiTokn", message);
        Assert.DoesNotContain("CANARY-9d1e", message);

        // The global tier is available now: its stack is listed as one that can be previewed and deployed.
        var global = Run(project.Root)["global"];
        Assert.True(global.GetProperty("available").GetBoolean());
    }

    [Fact]
    public void The_repository_stack_files_list_cleanly()
    {
        var stacks = Run(RepoPaths.Root);
        Assert.All(stacks.Where(s => s.Value.GetProperty("available").GetBoolean()), s => Assert.Equal(JsonValueKind.Null, s.Value.GetProperty("error").ValueKind));
    }
}

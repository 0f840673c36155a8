using Infra.Testing;
using Infra.Tests.OnPrem.Realization;
using Infra.Tests.Support;

namespace Infra.Tests.Laptop;

/// <summary>
/// The laptop tier's database init script, taken from the synthesized program, run for real with
/// Debian's PostgreSQL and psql (as the postgres image's entrypoint runs it): it creates one database
/// per Service, and running it again after a Service is added creates only the new one.
/// </summary>
[Trait("Category", "Realization")]
public sealed class LaptopDatabaseRealizationTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("infra-laptop-pg-").FullName;
    private LoopbackDaemon? postgres;
    private int port;
    private string bin = "";

    public async Task InitializeAsync()
    {
        bin = RequiredPackages.RequirePostgresBinDir();
        port = LoopbackCluster.FreePorts(1)[0];
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await ToolProcess.RequireAsync(["chown", "-R", $"{ToolProcess.ServiceUser}:", root], TimeSpan.FromSeconds(10));
        await ToolProcess.RequireAsync([Path.Combine(bin, "initdb"), "-D", data, "-U", "platform", "--auth=trust"],
            TimeSpan.FromSeconds(60), asServiceUser: true);
        postgres = ToolProcess.StartDaemon("postgres",
            [Path.Combine(bin, "postgres"), "-D", data, "-p", $"{port}", "-k", root, "-c", "listen_addresses="],
            Path.Combine(root, "postgres.log"), asServiceUser: true);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ToolProcess.RunAsync([Path.Combine(bin, "pg_isready"), "-h", root, "-p", $"{port}"], TimeSpan.FromSeconds(5))).ExitCode != 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"PostgreSQL did not start:\n{postgres.Tail()}");
            await Task.Delay(200);
        }
    }

    public Task DisposeAsync()
    {
        postgres?.Dispose();
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_init_script_creates_one_database_per_service_and_is_safe_to_run_again()
    {
        await RunScript(InitScriptOf(Synth.Yaml("laptop")));
        Assert.Equal(["accounts", "events", "gateway"], await ServiceDatabases());

        // A Service added later: the same script, run by hand as the README says, adds only its database.
        using var project = new TempProject(("laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: /billing/\n"));
        var withBilling = Infra.Stacks.StackSynthesizer.Synthesize(new(project.Root), "laptop", null).ToYaml();
        await RunScript(InitScriptOf(withBilling));
        Assert.Equal(["accounts", "billing", "events", "gateway"], await ServiceDatabases());
    }

    private static string InitScriptOf(string programYaml)
    {
        var upload = ProgramYaml.Parse(programYaml).At("resources", "db-server", "properties", "uploads", 0);
        Assert.Equal(Infra.Constructs.Docker.PostgresServer.InitScriptPath, upload.At("file").Text());
        return PulumiInterpolation.Literal(upload.At("content").Text());
    }

    private async Task RunScript(string script)
    {
        var result = await ToolProcess.RunAsync(
            [Path.Combine(bin, "psql"), "-v", "ON_ERROR_STOP=1", "-h", root, "-p", $"{port}", "-U", "platform", "-d", "postgres", "-f", "-"],
            TimeSpan.FromSeconds(30), stdin: script);
        Assert.True(result.Ok, $"psql failed: {result}");
    }

    private async Task<List<string>> ServiceDatabases()
    {
        var result = await ToolProcess.RunAsync(
            [Path.Combine(bin, "psql"), "-At", "-h", root, "-p", $"{port}", "-U", "platform", "-d", "postgres", "-c",
             "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1"],
            TimeSpan.FromSeconds(30));
        Assert.True(result.Ok, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}

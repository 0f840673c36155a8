using System.Security.Cryptography;
using System.Text;
using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

/// <summary>
/// The generated install script run in a real shell, with the commands that would change the machine
/// (curl, dpkg, install, systemctl, ...) replaced by stubs that log their arguments. curl fails as it does
/// while the NAT route is not up yet (exit 7) for the first attempts: the step must retry, not give up.
/// </summary>
public sealed class InstallRetryRealizationTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly string stubs, state, fixtures;

    private static readonly (string Name, string Content)[] Artefacts =
        [("amazon-ssm-agent.deb", "ssm agent bytes\n"), ("platform", "platform binary bytes\n"), ("otelcol.deb", "collector bytes\n")];

    public InstallRetryRealizationTests()
    {
        stubs = Path.Combine(dir.Path, "bin");
        state = Path.Combine(dir.Path, "state");
        fixtures = Path.Combine(dir.Path, "fixtures");
        Directory.CreateDirectory(state);
        dir.Write("bin/curl", """
            #!/bin/sh
            n=$(cat "$STATE/curl-calls" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" >"$STATE/curl-calls"
            if [ "$n" -le "${CURL_FAILURES:-0}" ]; then echo "curl: (7) Failed to connect: Network is unreachable" >&2; exit 7; fi
            prev= out= url=
            for arg in "$@"; do [ "$prev" = --output ] && out=$arg; prev=$arg; url=$arg; done
            cp "$FIXTURES/$(basename "$out")" "$out"
            echo "curl $url" >>"$STATE/log"

            """, executable: true);
        foreach (var command in new[] { "dpkg", "install", "systemctl", "usermod", "mkdir", "touch", "sleep", "apt-get" })
            dir.Write($"bin/{command}", $"#!/bin/sh\necho \"{command} $*\" >>\"$STATE/log\"\n", executable: true);
        foreach (var (name, content) in Artefacts) dir.Write($"fixtures/{name}", content);
    }

    public void Dispose() => dir.Dispose();

    private static string Sha(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static FleetProvisioningSpec Spec(string binaryContent = "platform binary bytes\n")
    {
        var spec = ProvisioningFixtures.Spec();
        return spec with
        {
            SessionManager = new SessionManagerAgent(new VerifiedDownload(ProvisioningFixtures.SsmAgentUrl, Sha("ssm agent bytes\n"), "ssm")),
            Binary = new VerifiedDownload(spec.Binary.Url.AbsoluteUri, Sha(binaryContent), "binary"),
            Telemetry = spec.Telemetry with { Package = new VerifiedDownload(spec.Telemetry.Package.Url.AbsoluteUri, Sha("collector bytes\n"), "otelcol") },
        };
    }

    private (RealTool.Result Result, List<string> Log) Run(string script, int curlFailures)
    {
        var file = dir.Write("platform-install", script, executable: true);
        var result = RealTool.Run("env", $"PATH={stubs}:/usr/bin:/bin", $"STATE={state}", $"FIXTURES={fixtures}",
            $"CURL_FAILURES={curlFailures}", "sh", file);
        var log = Path.Combine(state, "log");
        return (result, File.Exists(log) ? File.ReadAllLines(log).ToList() : []);
    }

    [Fact]
    public void Downloads_that_fail_while_the_network_is_down_are_retried_with_growing_pauses_then_installed()
    {
        var (result, log) = Run(InstallScript.Render(Spec()), curlFailures: 5);
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Equal(["sleep 5", "sleep 10", "sleep 20", "sleep 40", "sleep 60"], log.Where(l => l.StartsWith("sleep ", StringComparison.Ordinal)));
        Assert.Contains("platform-install: failed, retrying in 5s: curl", result.StdErr);
        var order = new[]
        {
            $"curl {ProvisioningFixtures.SsmAgentUrl}",
            "systemctl enable --now amazon-ssm-agent.service",
            "curl https://releases.example.com/platform/1.4.2/platform-linux-amd64",
            "install -o root -g root -m 0755 ",
            "systemctl restart otelcol-contrib.service",
            "touch /var/lib/platform-install/done",
        }.Select(step => log.FindIndex(l => l.StartsWith(step, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal("touch /var/lib/platform-install/done", log[^1]);
    }

    [Fact]
    public void A_checksum_mismatch_stops_at_once_without_installing_or_retrying()
    {
        var (result, log) = Run(InstallScript.Render(Spec(binaryContent: "the binary someone reviewed\n")), curlFailures: 0);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("https://releases.example.com/platform/1.4.2/platform-linux-amd64 does not match its pinned SHA-256", result.StdErr);
        Assert.DoesNotContain(log, l => l.StartsWith("install -o root -g root -m 0755", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.StartsWith("sleep", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("/var/lib/platform-install/done", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bastion_installs_only_the_session_manager_agent_likewise()
    {
        var agent = new SessionManagerAgent(new VerifiedDownload(ProvisioningFixtures.SsmAgentUrl, Sha("ssm agent bytes\n"), "ssm"));
        var (result, log) = Run(InstallScript.RenderForBastion(agent), curlFailures: 1);
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Equal(
            [
                "sleep 5", $"curl {ProvisioningFixtures.SsmAgentUrl}", "systemctl enable --now amazon-ssm-agent.service",
                "mkdir -p /var/lib/platform-install", "touch /var/lib/platform-install/done",
            ],
            log.Where(l => !l.StartsWith("dpkg", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_install_unit_waits_for_the_network_as_long_as_needed_and_runs_until_it_has_succeeded_once()
    {
        var lines = InstallUnit.Render().Split('\n');
        Assert.Contains("Type=oneshot", lines);
        Assert.Contains("ExecStart=/usr/local/sbin/platform-install", lines);
        Assert.Contains("TimeoutStartSec=infinity", lines);
        Assert.Contains("ConditionPathExists=!/var/lib/platform-install/done", lines);
        Assert.Contains("After=network-online.target", lines);
        Assert.Contains("WantedBy=multi-user.target", lines);
    }
}

using System.Diagnostics;
using Infra.Constructs.Readiness;

namespace Infra.Tests.Readiness;

/// <summary>
/// The readiness gate's script run for real, as the command provider runs it (<c>/bin/sh -c CREATE</c> with the script
/// in the environment; Debian's sh is dash) with curl against a stand-in HTTPS API on loopback: it waits while there is no leader or the token is not
/// known yet and passes once the API answers; it fails at its deadline with a message naming what, where, the last
/// answer and what to check; it presents the client certificate where mutual TLS is asked for; and the secrets reach
/// curl as files only (never its command line) and are gone when the script ends.
/// </summary>
public sealed class ReadinessScriptTests : IDisposable
{
    private const string Token = "7f0c1d2e-canary-token-9a8b";
    private readonly string directory = Directory.CreateTempSubdirectory("readiness-").FullName;
    private readonly string tmp;
    private readonly GatePki pki;

    public ReadinessScriptTests()
    {
        tmp = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName;
        pki = GatePki.Write(directory);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_script_passes_shellcheck_as_POSIX_sh()
    {
        Assert.True(File.Exists("/usr/bin/shellcheck"), "shellcheck is not installed: it is in .ci/setup-debian.sh's list (apt-get install shellcheck).");
        var start = new ProcessStartInfo("/usr/bin/shellcheck", ["--shell=sh", "--severity=style", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(ReadinessScript.Text);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"shellcheck found problems in the readiness gate's script:\n{output}");
    }

    [Fact]
    public void It_waits_for_a_leader_and_the_token_then_passes_with_mutual_TLS_and_secrets_only_in_files()
    {
        using var api = LoopbackApi.Start(directory, pki, new Dictionary<string, (int, string)[]>
        {
            // No leader twice (Nomad answers "" while its servers have not elected one), then a leader.
            ["/v1/status/leader"] = [(200, "\"\""), (200, "\"\""), (200, "\"10.20.1.7:4647\"")],
            // The bootstrap token is registered after the election: unknown once, then known.
            ["/v1/acl/token/self"] = [(403, "ACL token not found"), (200, $"{{\"SecretID\": \"{Token}\"}}")],
        }, mutualTls: true);
        var curlLog = Path.Combine(directory, "curl-argv.log");
        var run = Run(NomadEnvironment(api.Endpoint, deadline: 60), curlLog);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");
        Assert.Contains($"readiness gate: Nomad of region test is ready at {api.Endpoint}", run.Stdout);
        Assert.Contains("no leader elected yet", run.Stdout);
        var requests = api.Requests();
        Assert.Equal(["/v1/status/leader", "/v1/status/leader", "/v1/status/leader", "/v1/acl/token/self", "/v1/status/leader", "/v1/acl/token/self"],
            requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.True(r.ClientCert, "the operator certificate was not presented"));
        Assert.All(requests, r => Assert.Equal(Token, r.NomadToken));

        // curl never saw a secret on its command line; the files it was given were the owner's only.
        var argv = File.ReadAllText(curlLog);
        Assert.Contains("--key", argv);
        Assert.DoesNotContain(Token, argv);
        Assert.DoesNotContain(KeyBody(pki.ClientKeyPem), argv);
        Assert.DoesNotContain(Token, run.Stdout + run.Stderr);
        Assert.Matches("(?m)^mode 600 ", argv);
        Assert.DoesNotMatch("(?m)^mode (?!600)", argv);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void It_fails_at_the_deadline_with_a_message_naming_what_where_the_last_answer_and_what_to_check()
    {
        using var api = LoopbackApi.Start(directory, pki, new Dictionary<string, (int, string)[]>
        {
            ["/v1/status/leader"] = [(200, "\"\"")],
        }, mutualTls: true);
        var watch = Stopwatch.StartNew();
        var run = Run(NomadEnvironment(api.Endpoint, deadline: 3));
        watch.Stop();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"readiness gate: Nomad of region test did not become ready at {api.Endpoint} within 3s. " +
            "Last answer: GET /v1/status/leader: no leader elected yet. Check the servers' cloud-init log.", run.Stderr);
        // It kept polling (every second, each poll a TLS handshake: fewer on a busy machine) and stopped at the deadline
        // (whole seconds from `date +%s`, so up to a second early), not long after it.
        Assert.True(api.Requests().Count >= 2, $"it polled {api.Requests().Count} times in 3 s at a 1 s interval");
        Assert.InRange(watch.Elapsed.TotalSeconds, 2, 30);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void Nothing_listening_is_not_ready_and_the_answer_says_why()
    {
        var port = FreePort();
        var run = Run(NomadEnvironment($"https://127.0.0.1:{port}", deadline: 2));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Last answer: GET /v1/status/leader: curl: (7)", run.Stderr);
    }

    [Fact]
    public void Without_the_client_certificate_a_mutual_TLS_API_is_not_ready()
    {
        using var api = LoopbackApi.Start(directory, pki, new Dictionary<string, (int, string)[]>
        {
            ["/v1/status/leader"] = [(200, "\"10.20.1.7:4647\"")],
            ["/v1/acl/token/self"] = [(200, "{}")],
        }, mutualTls: true);
        var environment = NomadEnvironment(api.Endpoint, deadline: 2);
        environment.Remove(ReadinessScript.ClientCertVariable);
        environment.Remove(ReadinessScript.ClientKeyVariable);
        var run = Run(environment);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Last answer: GET /v1/status/leader: curl: (", run.Stderr);
        Assert.Empty(api.Requests());
    }

    [Fact]
    public void The_Kubernetes_readyz_probe_wants_ok_and_shows_what_failed_meanwhile()
    {
        using var api = LoopbackApi.Start(directory, pki, new Dictionary<string, (int, string)[]>
        {
            ["/readyz"] = [(500, "[-]etcd failed: reason withheld\nreadyz check failed"), (200, "ok")],
        }, mutualTls: true);
        var environment = NomadEnvironment(api.Endpoint, deadline: 30);
        environment[ReadinessScript.ProbesVariable] = new ReadinessProbe("/readyz", ReadinessAnswer.Ok).Line;
        environment.Remove(ReadinessScript.TokenVariable);
        environment.Remove(ReadinessScript.TokenHeaderVariable);
        var run = Run(environment);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("GET /readyz: HTTP 500: [-]etcd failed: reason withheld readyz check failed", run.Stdout);
        Assert.Equal(2, api.Requests().Count);
    }

    [Theory]
    [InlineData("READY_DEADLINE_SECONDS", "20m")]
    [InlineData("READY_INTERVAL_SECONDS", "-1")]
    public void A_bad_deadline_or_interval_is_refused_at_once(string variable, string value)
    {
        var environment = NomadEnvironment("https://127.0.0.1:1", deadline: 5);
        environment[variable] = value;
        var run = Run(environment);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"must be whole seconds, not '{value}'", run.Stderr);
    }

    [Fact]
    public void Without_curl_it_says_so()
    {
        var environment = NomadEnvironment("https://127.0.0.1:1", deadline: 5);
        var run = Run(environment, path: directory);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("readiness gate (Nomad of region test): curl is not installed on the deploying machine", run.Stderr);
    }

    private Dictionary<string, string> NomadEnvironment(string endpoint, int deadline) => new()
    {
        [ReadinessScript.WhatVariable] = "Nomad of region test",
        [ReadinessScript.EndpointVariable] = endpoint,
        [ReadinessScript.ProbesVariable] = string.Join('\n',
            new ReadinessProbe("/v1/status/leader", ReadinessAnswer.Leader).Line, new ReadinessProbe("/v1/acl/token/self", ReadinessAnswer.Success).Line),
        [ReadinessScript.CaVariable] = pki.CaPem,
        [ReadinessScript.ClientCertVariable] = pki.ClientCertPem,
        [ReadinessScript.ClientKeyVariable] = pki.ClientKeyPem,
        [ReadinessScript.TokenHeaderVariable] = "X-Nomad-Token",
        [ReadinessScript.TokenVariable] = Token,
        [ReadinessScript.HintVariable] = "Check the servers' cloud-init log.",
        [ReadinessScript.DeadlineVariable] = deadline.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [ReadinessScript.IntervalVariable] = "1",
    };

    private sealed record ScriptRun(int ExitCode, string Stdout, string Stderr);

    /// <param name="curlLog">When set, curl is a wrapper that records its arguments and the mode of each file it is given.</param>
    /// <param name="path">PATH for the script (default: the system's).</param>
    private ScriptRun Run(Dictionary<string, string> environment, string? curlLog = null, string? path = null)
    {
        // As the command provider runs it: /bin/sh -c CREATE, the script in the environment.
        var start = new ProcessStartInfo("/bin/sh", ["-c", ReadinessGate.CreateCommand])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = path ?? "/usr/local/bin:/usr/bin:/bin";
        start.Environment["TMPDIR"] = tmp;
        start.Environment[ReadinessScript.ScriptVariable] = ReadinessScript.Text;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        if (curlLog is not null)
        {
            var bin = Directory.CreateDirectory(Path.Combine(directory, "bin")).FullName;
            var wrapper = Path.Combine(bin, "curl");
            File.WriteAllText(wrapper, $$"""
                #!/bin/sh
                printf 'argv %s\n' "$*" >>'{{curlLog}}'
                for a in "$@"; do
                    case $a in
                        @/*) stat -c 'mode %a %n' "${a#@}" >>'{{curlLog}}' ;;
                        /*) [ -f "$a" ] && stat -c 'mode %a %n' "$a" >>'{{curlLog}}' ;;
                    esac
                done
                exec /usr/bin/curl "$@"
                """);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            start.Environment["PATH"] = $"{bin}:{start.Environment["PATH"]}";
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the readiness script did not end within 120 s");
        }
        return new ScriptRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string KeyBody(string pem) => pem.Split('\n')[1];

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        var port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}

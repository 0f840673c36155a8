using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Testing;

namespace Infra.Tests.Readiness;

/// <summary>
/// A stand-in of a control plane's HTTPS API on loopback (Python's http.server with ssl): each path answers from a
/// script of (status, body) pairs, one per request and the last one from then on, so it can fail, then answer. It
/// can ask for a client certificate signed by the CA (mutual TLS, as Nomad's verify_https_client and k3s do), and
/// it logs every request (path, the token headers, whether a client certificate came) for the test to read.
/// </summary>
internal sealed class LoopbackApi : IDisposable
{
    private const string Server = """
        import http.server, json, os, ssl, sys, threading

        plan_file, cert, key, ca, mutual, log_file, port_file = sys.argv[1:8]
        plan = json.load(open(plan_file))
        counts = {}
        lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with lock:
                    n = counts.get(self.path, 0)
                    counts[self.path] = n + 1
                    steps = plan.get(self.path, [[404, "no such path"]])
                    status, body = steps[min(n, len(steps) - 1)]
                    with open(log_file, "a") as log:
                        log.write(json.dumps({"path": self.path,
                                              "nomadToken": self.headers.get("X-Nomad-Token"),
                                              "consulToken": self.headers.get("X-Consul-Token"),
                                              "clientCert": self.connection.getpeercert() is not None and len(self.connection.getpeercert()) > 0}) + "\n")
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if mutual == "mutual":
            context.load_verify_locations(ca)
            context.verify_mode = ssl.CERT_REQUIRED
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """;

    private readonly LoopbackDaemon daemon;
    private readonly string logFile;

    public int Port { get; }
    public string Endpoint => $"https://127.0.0.1:{Port}";

    private LoopbackApi(LoopbackDaemon daemon, string logFile, int port)
    {
        this.daemon = daemon;
        this.logFile = logFile;
        Port = port;
    }

    /// <param name="plan">Per path, the answers in order (status, body); the last repeats.</param>
    public static LoopbackApi Start(string directory, GatePki pki, IReadOnlyDictionary<string, (int Status, string Body)[]> plan, bool mutualTls)
    {
        Assert.True(File.Exists("/usr/bin/python3"), "python3 is not installed: the loopback API stand-in needs it (Debian: apt-get install python3).");
        var script = Path.Combine(directory, "api.py");
        File.WriteAllText(script, Server);
        var planFile = Path.Combine(directory, "plan.json");
        var json = new JsonObject();
        foreach (var (path, steps) in plan)
            json[path] = new JsonArray(steps.Select(s => (JsonNode)new JsonArray(s.Status, s.Body)).ToArray());
        File.WriteAllText(planFile, json.ToJsonString());
        var logFile = Path.Combine(directory, "requests.jsonl");
        var portFile = Path.Combine(directory, "port");
        var start = new ProcessStartInfo("/usr/bin/python3",
            [script, planFile, pki.ServerCertFile, pki.ServerKeyFile, pki.CaFile, mutualTls ? "mutual" : "server-only", logFile, portFile]);
        var daemon = LoopbackDaemon.Start("loopback API", start, Path.Combine(directory, "api.log"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(portFile))
        {
            if (daemon.HasExited || DateTime.UtcNow > deadline)
            {
                daemon.Dispose();
                Assert.Fail($"the loopback API did not start: {File.ReadAllText(Path.Combine(directory, "api.log"))}");
            }
            Thread.Sleep(50);
        }
        return new LoopbackApi(daemon, logFile, int.Parse(File.ReadAllText(portFile), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The requests it answered, in order.</summary>
    public IReadOnlyList<ApiRequest> Requests() =>
        File.Exists(logFile)
            ? File.ReadAllLines(logFile).Select(l => JsonSerializer.Deserialize<JsonObject>(l)!)
                .Select(o => new ApiRequest((string)o["path"]!, (string?)o["nomadToken"], (string?)o["consulToken"], (bool)o["clientCert"]!)).ToList()
            : [];

    public void Dispose() => daemon.Dispose();
}

internal sealed record ApiRequest(string Path, string? NomadToken, string? ConsulToken, bool ClientCert);

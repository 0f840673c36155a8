using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Infra.Software.Consul;

namespace Infra.Tests.Software;

/// <summary>
/// The peer-discovery script, run for real with Python against a stand-in of the Consul agent's HTTP API on
/// loopback: it writes the peers file from the passing instances' pod-name metadata, sorted, with the RAFT port,
/// and sends the ACL token.
/// </summary>
public class RaftPeerDiscoveryTests
{
    [Fact]
    public async Task Peers_come_from_the_catalogs_passing_instances_by_pod_name()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var seenTokens = new List<string?>();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                seenTokens.Add(context.Request.Headers["X-Consul-Token"]);
                Assert.Equal("true", context.Request.QueryString["passing"]);
                var body = context.Request.Url!.AbsolutePath switch
                {
                    "/v1/health/service/accounts" =>
                        "[{\"Node\": {\"Address\": \"10.0.1.5\"}, \"Service\": {\"Address\": \"10.42.1.7\", \"Meta\": {\"pod-name\": \"accounts-1\"}}}," +
                        " {\"Node\": {\"Address\": \"10.0.1.6\"}, \"Service\": {\"Address\": \"10.42.2.9\", \"Meta\": {\"pod-name\": \"accounts-0\"}}}]",
                    "/v1/health/service/gateway" =>
                        "[{\"Node\": {\"Address\": \"10.0.1.5\"}, \"Service\": {\"Address\": \"\", \"Meta\": {\"pod-name\": \"gateway-0\"}}}," +
                        " {\"Node\": {\"Address\": \"10.0.1.9\"}, \"Service\": {\"Address\": \"10.42.3.3\", \"Meta\": {}}}]",
                    _ => "[]",
                };
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        var dir = Directory.CreateTempSubdirectory("raft-peers-");
        try
        {
            var script = Path.Combine(dir.FullName, RaftPeerDiscovery.ScriptName);
            File.WriteAllText(script, RaftPeerDiscovery.Script);
            File.WriteAllText(Path.Combine(dir.FullName, "token"), "s3cr3t\n");
            var peersFile = Path.Combine(dir.FullName, "raft-peers.json");
            var start = new ProcessStartInfo("/usr/bin/python3", [script]) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["CONSUL_HTTP_ADDR"] = $"http://127.0.0.1:{port}";
            start.Environment["CONSUL_HTTP_TOKEN_FILE"] = Path.Combine(dir.FullName, "token");
            start.Environment["PLATFORM_SERVICES"] = "accounts,gateway";
            start.Environment["RAFT_PORT"] = "7071";
            start.Environment["PEERS_FILE"] = peersFile;
            start.Environment["INTERVAL"] = "0";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(30_000), "the script did not finish");
            Assert.True(process.ExitCode == 0, await stderr);
            await server;
            var peers = JsonNode.Parse(File.ReadAllText(peersFile))!.AsArray();
            Assert.Equal(["accounts-0=10.42.2.9:7071", "accounts-1=10.42.1.7:7071", "gateway-0=10.0.1.5:7071"],
                peers.Select(p => $"{p!["id"]}={p["address"]}"));
            Assert.All(seenTokens, t => Assert.Equal("s3cr3t", t));
        }
        finally { dir.Delete(recursive: true); }
    }

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}

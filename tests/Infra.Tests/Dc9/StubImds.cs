using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Infra.Tests.Dc9;

/// <summary>
/// A stand-in for the EC2 instance metadata service on 127.0.0.1, speaking IMDSv2 as far as a booting
/// server uses it: PUT /latest/api/token (with a TTL header) hands out a token, and
/// GET /latest/meta-data/local-ipv4 answers only with that token, as the real service does when
/// httpTokens is "required". Every request is logged for assertions.
/// A bare socket rather than HttpListener: HttpListener answers 411 to a PUT without a body, which the
/// real IMDS (and the documented `curl -X PUT`) accepts.
/// </summary>
internal sealed class StubImds : IDisposable
{
    private const string Token = "stub-imds-token";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly string _localIpv4;

    public string BaseUrl { get; }
    public ConcurrentQueue<string> Requests { get; } = new();

    public StubImds(string localIpv4)
    {
        _localIpv4 = localIpv4;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _serving = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client)
            {
                try { await Answer(client.GetStream()); }
                catch (IOException) { } // the client went away
            }
        }
    }

    private async Task Answer(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = (await reader.ReadLineAsync())?.Split(' ') ?? [];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
            if (line.IndexOf(':') is > 0 and var colon) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        var (method, path) = requestLine.Length >= 2 ? (requestLine[0], requestLine[1]) : ("", "");
        Requests.Enqueue($"{method} {path}");
        var (status, body) = (method, path) switch
        {
            ("PUT", "/latest/api/token") when headers.ContainsKey("X-aws-ec2-metadata-token-ttl-seconds") => ("200 OK", Token),
            ("PUT", "/latest/api/token") => ("400 Bad Request", "missing TTL header"),
            ("GET", "/latest/meta-data/local-ipv4") when headers.GetValueOrDefault("X-aws-ec2-metadata-token") == Token => ("200 OK", _localIpv4),
            ("GET", _) => ("401 Unauthorized", "IMDSv2 token required"),
            _ => ("404 Not Found", "not found"),
        };
        var response = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}

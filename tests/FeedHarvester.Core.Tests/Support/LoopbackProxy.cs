using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// A small HTTP forward proxy on 127.0.0.1 and a free port, built on <see cref="LoopbackServer"/> so it counts
/// connections and keeps every request it received (absolute-form targets, CONNECT authorities, Proxy-Authorization).
/// It forwards only to the loopback servers a test maps host names to, and tunnels CONNECT only to mapped loopback
/// endpoints; any other target gets a 502 from the proxy itself, so nothing ever leaves loopback.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, IPEndPoint> _upstreams;
    private readonly (string User, string Password)? _credentials;
    private readonly Func<LoopbackRequest, Stream, CancellationToken, Task>? _answer;
    private readonly LoopbackServer _server;

    /// <param name="upstreams">"host" (forwarded GETs) or "host:port" (CONNECT tunnels) to the loopback endpoint that serves it.</param>
    /// <param name="credentials">When given, a request without these Basic credentials gets 407.</param>
    /// <param name="answer">When given, the proxy answers every request itself with this instead of forwarding.</param>
    public LoopbackProxy(
        IReadOnlyDictionary<string, IPEndPoint>? upstreams = null,
        (string User, string Password)? credentials = null,
        Func<LoopbackRequest, Stream, CancellationToken, Task>? answer = null)
    {
        _upstreams = upstreams ?? new Dictionary<string, IPEndPoint>();
        if (_upstreams.Values.Any(endpoint => !IPAddress.IsLoopback(endpoint.Address)))
        {
            throw new ArgumentException("a test proxy forwards to loopback only", nameof(upstreams));
        }

        _credentials = credentials;
        _answer = answer;
        _server = new LoopbackServer(RespondAsync);
    }

    public int Port => _server.Port;

    /// <summary>The proxy as FetchingOptions.Proxy takes it, with the credentials when it asks for them.</summary>
    public string Url => _credentials is { } c
        ? $"http://{Uri.EscapeDataString(c.User)}:{Uri.EscapeDataString(c.Password)}@127.0.0.1:{Port}"
        : $"http://127.0.0.1:{Port}";

    public int Connections => _server.Connections;

    public IReadOnlyList<LoopbackRequest> Requests => _server.Requests;

    public static Dictionary<string, IPEndPoint> Upstream(string host, LoopbackServer server) =>
        new(StringComparer.OrdinalIgnoreCase) { [host] = new IPEndPoint(server.Address, server.Port) };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(LoopbackRequest request, Stream client, CancellationToken cancellationToken)
    {
        if (_credentials is { } c && request.Header("Proxy-Authorization") != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.User}:{c.Password}")))
        {
            await LoopbackResponse.WriteAsync(client, 407, [("Proxy-Authenticate", "Basic realm=\"test\"")], [], cancellationToken);
            return;
        }

        if (_answer is not null)
        {
            await _answer(request, client, cancellationToken);
            return;
        }

        if (request.Method == "CONNECT")
        {
            await TunnelAsync(request.Target, client, cancellationToken);
            return;
        }

        if (!Uri.TryCreate(request.Target, UriKind.Absolute, out var target) || !_upstreams.TryGetValue(target.Host, out var upstream))
        {
            await LoopbackResponse.WriteAsync(client, 502, [], Encoding.ASCII.GetBytes("no test upstream for " + request.Target), cancellationToken);
            return;
        }

        await ForwardAsync(request, target, upstream, client, cancellationToken);
    }

    // Sends the request on in origin form (path and query, Host kept) and copies the upstream's whole answer back;
    // every LoopbackServer answer closes its connection, so its end is the answer's end.
    private static async Task ForwardAsync(LoopbackRequest request, Uri target, IPEndPoint upstream, Stream client, CancellationToken cancellationToken)
    {
        using var connection = new TcpClient(upstream.AddressFamily);
        await connection.ConnectAsync(upstream, cancellationToken);
        var stream = connection.GetStream();
        var head = new StringBuilder($"{request.Method} {target.PathAndQuery} HTTP/1.1\r\nHost: {target.Authority}\r\n");
        foreach (var (name, value) in request.Headers.Where(h => h.Key is not ("host" or "connection" or "proxy-authorization" or "proxy-connection")))
        {
            _ = head.Append($"{name}: {value}\r\n");
        }

        _ = head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.CopyToAsync(client, cancellationToken);
        await client.FlushAsync(cancellationToken);
    }

    private async Task TunnelAsync(string authority, Stream client, CancellationToken cancellationToken)
    {
        if (!_upstreams.TryGetValue(authority, out var upstream))
        {
            await LoopbackResponse.WriteAsync(client, 502, [], Encoding.ASCII.GetBytes("no test upstream for " + authority), cancellationToken);
            return;
        }

        using var connection = new TcpClient(upstream.AddressFamily);
        await connection.ConnectAsync(upstream, cancellationToken);
        var stream = connection.GetStream();
        await client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), cancellationToken);
        await client.FlushAsync(cancellationToken);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = client.CopyToAsync(stream, done.Token);
        var down = stream.CopyToAsync(client, done.Token);
        _ = await Task.WhenAny(up, down);
        await done.CancelAsync();
        await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}

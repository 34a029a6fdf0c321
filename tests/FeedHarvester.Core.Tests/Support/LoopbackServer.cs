using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on a loopback address (127.0.0.1, 127.0.0.2 or ::1) and a free port, for fetch tests that
/// need full control of the bytes: slow drips, raw redirects, gzip bombs. One request per connection. It counts
/// connections as well as requests, so a test can prove the guard refused before anything was even connected.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener;
    private readonly Func<LoopbackRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly ConcurrentDictionary<Task, bool> _clients = new();
    private readonly Task _acceptLoop;
    private int _connections;

    public LoopbackServer(Func<LoopbackRequest, Stream, CancellationToken, Task> respond, IPAddress? address = null)
    {
        _respond = respond;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Address = endpoint.Address;
        Port = endpoint.Port;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public LoopbackServer(IReadOnlyDictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>> routes, IPAddress? address = null)
        : this(LoopbackResponse.Routes(routes), address)
    {
    }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>"127.0.0.1:1234" or "[::1]:1234", as AllowedPrivateHosts wants it.</summary>
    public string HostPort => Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    /// <summary>True when this machine can listen on IPv6 loopback.</summary>
    public static bool IPv6LoopbackAvailable()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public Uri Url(string pathAndQuery) => new($"http://{HostPort}{pathAndQuery}");

    public int RequestCount(string path) => _requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_clients.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Interlocked.Increment(ref _connections);
            var task = Task.Run(() => ServeAsync(client));
            _clients[task] = true;
            _ = task.ContinueWith(t => _clients.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                if (await ReadHeadAsync(stream, _stopping.Token) is { } request)
                {
                    _requests.Enqueue(request);
                    await _respond(request, stream, _stopping.Token);
                }

                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping: nothing left to answer.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return Parse(head[..end]);
            }
        }

        return null;
    }

    private static LoopbackRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }
        }

        return new LoopbackRequest(start[0], start.Length > 1 ? start[1] : "/", headers);
    }
}

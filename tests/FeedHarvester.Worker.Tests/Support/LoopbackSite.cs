using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// A tiny web site on 127.0.0.1 for end-to-end tests: serves registered documents with strong ETags and
/// Last-Modified, answers conditional requests with 304, and counts requests per path.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpListenerResponse, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackSite()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>Delay before every page response, to stretch a run out for kill tests.</summary>
    public TimeSpan PageDelay { get; set; }

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> ConditionalRequests { get; } = [];

    /// <summary>Every request as it arrived: its path and <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public ConcurrentQueue<(string Path, long At)> RequestLog { get; } = new();

    /// <summary>The User-Agent of the last request for each path.</summary>
    public ConcurrentDictionary<string, string> UserAgents { get; } = new(StringComparer.Ordinal);

    public Uri Url(string path) => new(BaseUrl, path);

    public void Serve(string path, string contentType, byte[] body) =>
        _documents[path] = new Document(contentType, body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8)) + "\"");

    public void Serve(string path, string contentType, string body) => Serve(path, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public int RequestCount(string path) => Requests.GetValueOrDefault(path);

    /// <summary>Answers <paramref name="path"/> with a bare status code (410, 404, 500 …).</summary>
    public void ServeStatus(string path, int status) => _statuses[path] = status;

    /// <summary>Serves <paramref name="path"/>'s document again after <see cref="ServeStatus"/>.</summary>
    public void ClearStatus(string path) => _statuses.TryRemove(path, out _);

    /// <summary>Answers <paramref name="path"/> with whatever <paramref name="handler"/> writes (redirects, slow drips, odd headers).</summary>
    public void Handle(string path, Func<HttpListenerResponse, Task> handler) => _handlers[path] = handler;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _ = Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        RequestLog.Enqueue((path, System.Diagnostics.Stopwatch.GetTimestamp()));
        UserAgents[path] = context.Request.UserAgent ?? string.Empty;
        var response = context.Response;
        try
        {
            if (_handlers.TryGetValue(path, out var handler))
            {
                await handler(response).ConfigureAwait(false);
                return;
            }

            if (_statuses.TryGetValue(path, out var status))
            {
                response.StatusCode = status;
                return;
            }

            if (!_documents.TryGetValue(path, out var document))
            {
                response.StatusCode = 404;
                return;
            }

            if (document.ContentType.Contains("html", StringComparison.Ordinal) && PageDelay > TimeSpan.Zero)
            {
                await Task.Delay(PageDelay).ConfigureAwait(false);
            }

            response.Headers["ETag"] = document.ETag;
            response.Headers["Last-Modified"] = "Mon, 02 Jun 2025 12:00:00 GMT";
            if (context.Request.Headers["If-None-Match"] is { } match)
            {
                ConditionalRequests.Add(path);
                if (match == document.ETag)
                {
                    response.StatusCode = 304;
                    return;
                }
            }

            response.ContentType = document.ContentType;
            response.ContentLength64 = document.Body.Length;
            await response.OutputStream.WriteAsync(document.Body).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a killed worker); nothing to answer.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed record Document(string ContentType, byte[] Body, string ETag);
}

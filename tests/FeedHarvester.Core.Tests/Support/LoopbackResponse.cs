using System.Globalization;
using System.Text;

namespace FeedHarvester.Tests.Support;

/// <summary>Canned raw HTTP/1.1 responses for <see cref="LoopbackServer"/>; every one closes the connection after itself.</summary>
public static class LoopbackResponse
{
    public static Func<LoopbackRequest, Stream, CancellationToken, Task> Routes(IReadOnlyDictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>> routes) =>
        (request, stream, cancellationToken) => routes.TryGetValue(request.Path, out var route)
            ? route(request, stream, cancellationToken)
            : WriteAsync(stream, 404, [], "not found"u8.ToArray(), cancellationToken);

    public static Func<LoopbackRequest, Stream, CancellationToken, Task> Text(string body, string contentType = "text/plain; charset=utf-8", int status = 200, params (string Name, string Value)[] headers) =>
        (_, stream, cancellationToken) => WriteAsync(stream, status, [("Content-Type", contentType), .. headers], Encoding.UTF8.GetBytes(body), cancellationToken);

    public static Func<LoopbackRequest, Stream, CancellationToken, Task> Status(int status, params (string Name, string Value)[] headers) =>
        (_, stream, cancellationToken) => WriteAsync(stream, status, headers, [], cancellationToken);

    public static Func<LoopbackRequest, Stream, CancellationToken, Task> Redirect(int status, string location) =>
        Status(status, ("Location", location));

    /// <summary>Writes a complete response with Content-Length and Connection: close.</summary>
    public static async Task WriteAsync(Stream stream, int status, IEnumerable<(string Name, string Value)> headers, byte[] body, CancellationToken cancellationToken)
    {
        await WriteHeadAsync(stream, status, [.. headers, ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))], cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the status line and headers (plus Connection: close) only; the caller streams the body.</summary>
    public static async Task WriteHeadAsync(Stream stream, int status, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status{status}\r\n");
        foreach (var (name, value) in headers)
        {
            _ = head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        _ = head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}

using FeedHarvester.Fetching;

namespace FeedHarvester.Worker.Cli;

/// <summary>One input of parse/extract: a local file, or a URL fetched like the harvester fetches it.</summary>
internal sealed record InputDocument(ReadOnlyMemory<byte> Body, string? ContentType, Uri Url, string? ContentLanguage);

internal static class InputReader
{
    /// <summary>Reads FILE or fetches URL; the error text when it cannot.</summary>
    public static async Task<(InputDocument? Document, string? Error)> ReadAsync(
        string input, FetchKind kind, Func<HttpFetcher> fetcher, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            var result = await fetcher().FetchAsync(new FetchRequest(url, kind), cancellationToken).ConfigureAwait(false);
            if (result.TryGetFailure(out var failure))
            {
                return (null, $"{failure.Kind}: {failure.Message}");
            }

            return result.IsContent
                ? (new InputDocument(result.Body, result.ContentType, result.FinalUrl ?? url, result.ContentLanguage), null)
                : (null, $"{result.Status}: {result.Message}");
        }

        if (!File.Exists(input))
        {
            return (null, $"no such file: {input}");
        }

        var bytes = await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false);
        return (new InputDocument(bytes, null, new Uri(Path.GetFullPath(input)), null), null);
    }

    /// <summary>Parses --base-url; null when absent, an error when not an absolute URL.</summary>
    public static Uri? ParseBaseUrl(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            return url;
        }

        error = $"--base-url '{text}' is not an absolute URL";
        return null;
    }
}

namespace FeedHarvester.Settings;

/// <summary>Keeps passwords written into URLs (a proxy, an OTLP endpoint) out of error lines and logs.</summary>
public static class UrlCredentials
{
    /// <summary>
    /// <paramref name="text"/> with anything between "://" and "@" masked: a URL option or variable may carry a
    /// password, which has no place in an error line or a log.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var from = start < 0 ? 0 : start + 3;
        var end = text.IndexOfAny(['/', '?', '#'], from);
        var authority = text.AsSpan(from, (end < 0 ? text.Length : end) - from);
        var at = authority.LastIndexOf('@');
        return at < 0 ? text : string.Concat(text.AsSpan(0, from), "***", text.AsSpan(from + at));
    }
}

namespace FeedHarvester.Settings;

/// <summary>Keeps passwords written into URLs (a proxy, an OTLP endpoint) out of error lines and logs.</summary>
public static class UrlCredentials
{
    /// <summary>
    /// <paramref name="text"/> with the user information of a URL masked (<c>http://***@proxy:3128</c>), also in a
    /// URL written without its scheme (<c>user:password@proxy:3128</c>): a URL option or variable may carry a password,
    /// which has no place in an error line or a log.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var from = start < 0 ? 0 : start + 3;
        var end = text.IndexOfAny(['/', '?', '#'], from);
        var authority = text.AsSpan(from, (end < 0 ? text.Length : end) - from);
        var at = authority.LastIndexOf('@');
        // Without a scheme only user:password@ counts, so an e-mail address in other text stays as written.
        var masked = at >= 0 && (start >= 0 || authority[..at].Contains(':'));
        return masked ? string.Concat(text.AsSpan(0, from), "***", text.AsSpan(from + at)) : text;
    }
}

namespace FeedHarvester.Extraction.Metadata;

/// <summary>Turns a URL found in a page into an absolute http(s) URL, or null.</summary>
internal static class UrlResolver
{
    public static string? Absolute(string? value, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(pageUrl, value.Trim(), out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }
}

using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Resolves links to absolute URLs: innermost xml:base first (on any element, RSS included), then the document's
/// base (Content-Location, else the URL it was fetched from). Unresolvable links are returned as written.
/// </summary>
internal sealed class LinkResolver(Uri? documentBase)
{
    public Uri? DocumentBase { get; } = documentBase;

    public string? Resolve(string? href, XElement context)
    {
        var trimmed = href?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var baseUri = BaseFor(context);
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !IsImplicitFile(absolute, trimmed))
        {
            return absolute.OriginalString;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, trimmed, out var resolved) ? resolved.AbsoluteUri : trimmed;
    }

    /// <summary>The base URI in effect at an element, after every xml:base from the root down.</summary>
    public Uri? BaseFor(XElement context)
    {
        var bases = context.AncestorsAndSelf()
            .Select(e => e.Attribute(XNamespace.Xml + "base")?.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Reverse();

        var current = DocumentBase;
        foreach (var xmlBase in bases)
        {
            if (Uri.TryCreate(xmlBase!.Trim(), UriKind.Absolute, out var absolute) && IsWebScheme(absolute))
            {
                current = absolute;
            }
            else if (current is not null && Uri.TryCreate(current, xmlBase!.Trim(), out var relative))
            {
                current = relative;
            }
        }

        return current;
    }

    /// <summary>Picks the document base: a safe Content-Location (resolved against the URL), else the URL.</summary>
    public static Uri? DocumentBaseFrom(Uri? documentUrl, string? contentLocation)
    {
        if (string.IsNullOrWhiteSpace(contentLocation))
        {
            return documentUrl;
        }

        Uri? location = null;
        if (Uri.TryCreate(contentLocation.Trim(), UriKind.Absolute, out var absolute))
        {
            location = absolute;
        }
        else if (documentUrl is not null)
        {
            _ = Uri.TryCreate(documentUrl, contentLocation.Trim(), out location);
        }

        // A javascript: or data: base would turn every relative link into script; ignore such headers.
        return location is not null && IsWebScheme(location) ? location : documentUrl;
    }

    private static bool IsWebScheme(Uri uri) => uri.Scheme is "http" or "https" or "ftp";

    // On Unix "/relative/uri" parses as an absolute file: URI; a feed never means that.
    private static bool IsImplicitFile(Uri uri, string original) =>
        uri.IsFile && !original.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}

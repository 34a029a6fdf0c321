using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The page's &lt;meta&gt; values keyed by property, name or itemprop (lower-cased), first value wins.
/// Built once per page so each finder looks up instead of querying the DOM again.
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public MetaTags(IDocument document)
        : this(document.QuerySelectorAll("meta"))
    {
    }

    public MetaTags(IEnumerable<IElement> metas)
    {
        foreach (var meta in metas)
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var key = meta.GetAttribute(attribute);
                if (!string.IsNullOrWhiteSpace(key))
                {
                    _ = _values.TryAdd(key.Trim(), content.Trim());
                }
            }
        }
    }

    /// <summary>The first non-empty value among <paramref name="keys"/>, in the order given.</summary>
    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }
}

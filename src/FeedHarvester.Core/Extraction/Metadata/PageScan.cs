using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The elements metadata is read from, gathered in one walk of the document instead of one selector query per
/// finder: meta tags, JSON-LD scripts and the canonical link (and noscript elements for the image fallback).
/// </summary>
internal sealed class PageScan
{
    private PageScan()
    {
    }

    public List<IElement> Metas { get; } = [];
    public List<IElement> JsonLdScripts { get; } = [];

    /// <summary>noscript elements, for the lazy-image fallback (the walk finds them for free).</summary>
    public List<IElement> Noscripts { get; } = [];

    /// <summary>Elements marked as the page's main content: &lt;main&gt; and role="main".</summary>
    public List<IElement> MainLandmarks { get; } = [];

    /// <summary>Microdata itemtype values (schema.org URLs), one per element that declares one.</summary>
    public List<string> ItemTypes { get; } = [];

    /// <summary>How many &lt;article&gt; elements the page has.</summary>
    public int ArticleElements { get; private set; }

    /// <summary>href of the first &lt;link rel="canonical"&gt; that has one.</summary>
    public string? CanonicalHref { get; private set; }

    public static PageScan Of(IDocument document)
    {
        var scan = new PageScan();
        if (document.DocumentElement is { } root)
        {
            scan.Visit(root);
        }

        return scan;
    }

    private void Visit(IElement root) => DomWalk.PreOrder(root, child =>
    {
        if (child.GetAttribute("itemtype") is { } itemType)
        {
            ItemTypes.Add(itemType);
        }

        if (string.Equals(child.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase) && child.LocalName != "main")
        {
            MainLandmarks.Add(child);
        }

        switch (child.LocalName)
        {
            case "main":
                MainLandmarks.Add(child);
                break;
            case "article":
                ArticleElements++;
                break;
            case "meta":
                Metas.Add(child);
                break;
            case "script":
                if (string.Equals(child.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    JsonLdScripts.Add(child);
                }

                break;
            case "noscript":
                Noscripts.Add(child);
                break;
            case "link" when CanonicalHref is null && IsCanonical(child):
                CanonicalHref = child.GetAttribute("href");
                break;
        }

        return WalkStep.Descend;
    });

    /// <summary>rel is a space-separated token list, matched case-insensitively (as [rel~=canonical i]).</summary>
    private static bool IsCanonical(IElement link)
    {
        if (link.GetAttribute("href") is null || link.GetAttribute("rel") is not { } rel)
        {
            return false;
        }

        foreach (var token in rel.AsSpan().Split(' '))
        {
            if (rel.AsSpan()[token].Equals("canonical", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

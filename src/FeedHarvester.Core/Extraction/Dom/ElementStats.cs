using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// Everything the extractor asks about an element's subtree, gathered in one walk: visible text measures (as
/// <see cref="TextMeasurer"/> defines them) and counts of the descendant tags the pruning rules look at. All fields
/// are sums over the subtree, so removing a descendant is a subtraction, never a re-walk.
/// </summary>
internal struct ElementStats
{
    public int Chars;
    public int LinkChars;
    public int Commas;
    public int Paragraphs;
    public int Images;
    public int Pictures;
    public int Videos;
    public int Audios;

    /// <summary>iframe, object and embed.</summary>
    public int Frames;

    /// <summary>table and hr: structure that is content even without text.</summary>
    public int TablesAndRules;

    public int ListItems;

    /// <summary>h2–h6, pre and blockquote: a block holding one is structured content, not an empty shell.</summary>
    public int Structure;

    /// <summary>Descendants marked itemprop="articleBody".</summary>
    public int ArticleBodyMarks;

    public readonly TextStats Text => new(Chars, LinkChars, Commas);

    /// <summary>iframe, object, embed, video, audio (the pruner's "embeds").</summary>
    public readonly int Embeds => Frames + Videos + Audios;

    /// <summary>Anything that makes a text-less block worth keeping.</summary>
    public readonly int Media => Images + Pictures + Videos + Audios + Frames + TablesAndRules;

    public void Add(in ElementStats other, int sign)
    {
        Chars += sign * other.Chars;
        LinkChars += sign * other.LinkChars;
        Commas += sign * other.Commas;
        Paragraphs += sign * other.Paragraphs;
        Images += sign * other.Images;
        Pictures += sign * other.Pictures;
        Videos += sign * other.Videos;
        Audios += sign * other.Audios;
        Frames += sign * other.Frames;
        TablesAndRules += sign * other.TablesAndRules;
        ListItems += sign * other.ListItems;
        Structure += sign * other.Structure;
        ArticleBodyMarks += sign * other.ArticleBodyMarks;
    }

    /// <summary>Counts <paramref name="element"/> itself, as its parent sees it.</summary>
    public void CountSelf(IElement element)
    {
        switch (element.LocalName)
        {
            case "p": Paragraphs++; break;
            case "img": Images++; break;
            case "picture": Pictures++; break;
            case "video": Videos++; break;
            case "audio": Audios++; break;
            case "iframe" or "object" or "embed": Frames++; break;
            case "table" or "hr": TablesAndRules++; break;
            case "li": ListItems++; break;
            case "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "blockquote": Structure++; break;
        }

        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.Ordinal))
        {
            ArticleBodyMarks++;
        }
    }
}

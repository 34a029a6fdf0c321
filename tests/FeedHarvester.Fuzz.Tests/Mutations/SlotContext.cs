namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// How markup must be written at an insertion point so that it reaches the HTML layer as markup: raw in a page,
/// a CDATA section or an element's children; as entities in a feed's escaped-HTML text (an RSS description);
/// with JSON escapes in a JSON Feed string (content_html).
/// </summary>
internal enum SlotContext
{
    Markup,
    EscapedMarkup,
    JsonString,
}

/// <summary>An insertion point found in a document.</summary>
/// <param name="InContent">Inside what the pipeline treats as article HTML (a description, Atom content, a JSON
/// Feed content_html, a page body), where the HTML layer, not only the feed's XML or JSON, reads it.</param>
internal readonly record struct Slot(int Position, SlotContext Context, bool InContent)
{
    public string Encode(string markup) => Context switch
    {
        SlotContext.EscapedMarkup => markup.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal),
        SlotContext.JsonString => markup.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal),
        _ => markup,
    };
}

/// <summary>A start tag found in a document: where it begins, where its '&gt;' is, and its name as written.</summary>
internal readonly record struct StartTag(int Start, int Close, string Name)
{
    public bool SelfClosing(string raw) => Close > Start && raw[Close - 1] == '/';
}

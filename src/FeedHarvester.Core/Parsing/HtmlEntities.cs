using AngleSharp.Html;

namespace FeedHarvester.Parsing;

/// <summary>The HTML5 named character references (AngleSharp's table), for feeds that use them in XML.</summary>
internal static class HtmlEntities
{
    /// <summary>The characters for a name like "rsquo" (no '&amp;' or ';'), or null when HTML does not define it.</summary>
    public static string? Lookup(string name)
    {
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name + ";");
        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }
}

using System.Net;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// Two news sites on one <see cref="LoopbackSite"/>, each with an RSS feed of two items: its own local story, and the
/// same wire story republished under its own URL, title case, tagline, page template and a trailing "Related" block.
/// </summary>
public sealed class SyndicationSites
{
    public const string WireStory = """
        The regional water authority said on Tuesday that it would spend four hundred million dollars over the next decade to replace ageing pipes beneath the old harbour district, where a burst main flooded dozens of basements last winter.

        Engineers found that more than a third of the pipes were laid before 1950 and that several had corroded to half their original thickness. The authority plans to begin with the streets nearest the waterfront, where pressure is highest, and to finish the work in stages so that no neighbourhood is without water for more than a day at a time.

        Residents who spoke at a public meeting welcomed the plan but asked for clearer notice of road closures. Shop owners said the flooding had cost them weeks of trade and that they feared the construction would do the same.

        The authority will pay for the work with a bond issue and a small increase in the monthly service charge, which it said would rise by about three dollars for a typical household.
        """;

    private const string NorthLocal = """
        The Northside library reopened its doors on Saturday after a two-year renovation that added a children's wing, a recording studio for local musicians and a rooftop reading garden planted with native grasses.

        Hundreds of families queued before the opening, and the head librarian said more than eight hundred new cards were issued by the afternoon. The building now has twice as many public computers as before and a room that community groups can book free of charge in the evenings.

        The renovation ran six months late because of a shortage of the reclaimed brick used on the facade, but it finished within its budget, according to the council's buildings committee.
        """;

    private const string SouthLocal = """
        A late frost has damaged much of the cherry crop in the southern valley, growers said this week, and some orchards expect to pick less than half of what they harvested last summer.

        Farmers lit smudge pots and ran wind machines through two nights in an attempt to keep the blossoms warm, but temperatures fell further than forecast. The agricultural extension office is surveying the damage and will report to the state next month, which could open the way for emergency loans.

        Packing houses that employ seasonal workers said they would cut shifts if the harvest is as poor as growers fear, and the valley's cherry festival may be scaled back for the first time in its history.
        """;

    public SyndicationSites(LoopbackSite site)
    {
        Site = site;
        Publish("north", "Water Authority Plans $400 Million Pipe Replacement", "HARBOUR CITY (Wire) — ", "By Sam Rivera, Wire Service", NorthLocal, relatedBlock: false);
        Publish("south", "Water authority plans $400 million pipe replacement", string.Empty, "Staff and wire reports", SouthLocal, relatedBlock: true);
    }

    public LoopbackSite Site { get; }

    public IReadOnlyList<Uri> FeedUrls => [Site.Url("/north/feed.xml"), Site.Url("/south/feed.xml")];

    public string WireUrl(string site) => Site.Url($"/{site}/news/water-pipes.html").AbsoluteUri;

    public string WriteFeedList(string directory)
    {
        var path = Path.Combine(directory, "feeds.txt");
        File.WriteAllLines(path, FeedUrls.Select(u => u.AbsoluteUri));
        return path;
    }

    private void Publish(string name, string wireTitle, string tagline, string byline, string localStory, bool relatedBlock)
    {
        var related = relatedBlock
            ? "<h3>Related</h3><ul><li><a href=\"/r/1\">Council approves new budget for road repairs</a></li><li><a href=\"/r/2\">Harbour ferry timetable changes next month</a></li></ul>"
            : string.Empty;
        Site.Serve($"/{name}/news/water-pipes.html", "text/html; charset=utf-8", Page(name, wireTitle, byline, tagline + WireStory, related));
        Site.Serve($"/{name}/news/local.html", "text/html; charset=utf-8", Page(name, $"Local news from {name}", "By Staff", localStory, string.Empty));
        Site.Serve($"/{name}/feed.xml", "application/rss+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>The {name} Times</title><link>{Site.Url($"/{name}/")}</link><description>d</description>
            <item><title>{wireTitle}</title><link>{WireUrl(name)}</link><guid>{name}-wire</guid><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>
            <item><title>Local news from {name}</title><link>{Site.Url($"/{name}/news/local.html")}</link><guid>{name}-local</guid><pubDate>Mon, 02 Jun 2025 09:00:00 GMT</pubDate></item>
            </channel></rss>
            """);
    }

    private static string Page(string site, string title, string byline, string text, string afterBody)
    {
        var paragraphs = string.Concat(text.Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p.ReplaceLineEndings(" "))}</p>\n"));
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The {site} Times</title></head><body>
            <nav><a href="/">Home</a> <a href="/{site}/news">News</a></nav>
            <main><article><h1>{title}</h1><p class="byline">{byline}</p>
            {paragraphs}{afterBody}</article></main>
            <footer><p>Copyright The {site} Times. All rights reserved.</p></footer>
            </body></html>
            """;
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// Three small news sites on a <see cref="LoopbackSite"/>: an RSS 2.0 feed with tracking parameters in its
/// links, an Atom feed with links relative to xml:base, and a JSON Feed; every item links to a page whose
/// story sits among a navigation bar, a "Top Stories" sidebar and a footer.
/// </summary>
public sealed class TestNewsSite
{
    private static readonly string[] Words =
    [
        "council", "river", "budget", "harbour", "school", "railway", "festival", "weather", "market", "hospital",
        "library", "museum", "bridge", "election", "farmers", "orchestra", "volunteers", "tunnel", "airport", "garden",
    ];

    public TestNewsSite(LoopbackSite site, int itemsPerFeed)
    {
        Site = site;
        ItemsPerFeed = itemsPerFeed;
        Publish();
    }

    public LoopbackSite Site { get; }

    public int ItemsPerFeed { get; }

    public IReadOnlyList<Uri> FeedUrls => [Site.Url("/rss/feed.xml"), Site.Url("/atom/feed.xml"), Site.Url("/json/feed.json")];

    /// <summary>Every article page URL, without tracking parameters: what the output must hold exactly once.</summary>
    public List<string> ArticleUrls { get; } = [];

    public Dictionary<string, string> FirstSentenceByUrl { get; } = [];

    public string WriteFeedList(string directory)
    {
        var path = Path.Combine(directory, "feeds.txt");
        File.WriteAllLines(path, ["# test feeds", .. FeedUrls.Select(u => u.AbsoluteUri)]);
        return path;
    }

    private void Publish()
    {
        var rssItems = new StringBuilder();
        var atomEntries = new StringBuilder();
        var jsonItems = new List<string>();
        for (var i = 0; i < ItemsPerFeed; i++)
        {
            var date = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero).AddHours(i);
            rssItems.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Rss story {i}</title><link>{Page("rss", i)}?utm_source=rss&amp;utm_medium=feed</link>
                <guid isPermaLink="false">rss-{i}</guid><pubDate>{date.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                <description>Teaser of rss story {i}.</description></item>
                """);
            atomEntries.Append(CultureInfo.InvariantCulture, $"""
                <entry><title>Atom story {i}</title><link rel="alternate" href="a/{i}.html?utm_source=atom"/>
                <id>tag:test,2025:atom-{i}</id><updated>{date:yyyy-MM-ddTHH:mm:ssZ}</updated><summary>Teaser of atom story {i}.</summary></entry>
                """);
            jsonItems.Add($$"""{"id": "json-{{i}}", "url": "{{Page("json", i)}}", "title": "Json story {{i}}", "date_published": "{{date:yyyy-MM-ddTHH:mm:ssZ}}", "summary": "Teaser of json story {{i}}."}""");
            foreach (var site in new[] { "rss", "atom", "json" })
            {
                var url = Page(site, i);
                var (html, first) = ArticlePage(site, i);
                Site.Serve(new Uri(url).AbsolutePath, "text/html; charset=utf-8", html);
                ArticleUrls.Add(url);
                FirstSentenceByUrl[url] = first;
            }
        }

        Site.Serve("/rss/feed.xml", "application/rss+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Rss Daily</title><link>{Site.Url("/rss/")}</link><description>d</description>
            {rssItems}</channel></rss>
            """);
        Site.Serve("/atom/feed.xml", "application/atom+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="{Site.Url("/atom/")}"><title>Atom Gazette</title><id>tag:test,2025:atom</id>
            <updated>2025-06-02T12:00:00Z</updated>{atomEntries}</feed>
            """);
        Site.Serve("/json/feed.json", "application/feed+json", $$"""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Json Journal", "home_page_url": "{{Site.Url("/json/")}}", "items": [{{string.Join(",", jsonItems)}}]}
            """);
    }

    private string Page(string site, int i) => Site.Url($"/{site}/a/{i}.html").AbsoluteUri;

    private static (string Html, string FirstSentence) ArticlePage(string site, int i)
    {
        var paragraphs = Enumerable.Range(0, 5).Select(p => Paragraph(site, i, p)).ToList();
        var body = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        var html = $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{site} story {i} | {site} site</title>
            <meta property="og:site_name" content="The {site} site"></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="sidebar"><h3>Top Stories</h3><ul><li><a href="/x/1.html">Other headline one about town</a></li>
            <li><a href="/x/2.html">Other headline two about the city</a></li><li><a href="/x/3.html">Other headline three</a></li></ul></div>
            <article><h1>{site} story {i}</h1><p class="byline">By Test Writer</p>
            {body}</article>
            <footer><p>Copyright the {site} site. All rights reserved. Contact us. Privacy policy.</p></footer>
            </body></html>
            """;
        return (html, paragraphs[0].Split('.')[0]);
    }

    private static string Paragraph(string site, int i, int p)
    {
        var text = new StringBuilder();
        for (var s = 0; s < 3; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"The {Words[(i + p + s) % Words.Length]} report number {i} from the {site} desk, part {p}.{s}, says the {Words[(i * 3 + p * 7 + s) % Words.Length]} committee met on day {i + p} and agreed, after a long debate, to review the plan again. ");
        }

        return text.ToString().Trim();
    }
}

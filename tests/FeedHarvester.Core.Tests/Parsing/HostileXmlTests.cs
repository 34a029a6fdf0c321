using System.Diagnostics;

namespace FeedHarvester.Tests.Parsing;

public sealed class HostileXmlTests
{
    [Fact]
    public void Parse_BillionLaughs_RefusedWithoutExpansion()
    {
        var stopwatch = Stopwatch.StartNew();

        var result = TestFeeds.Parse("billion-laughs.xml");

        Assert.Null(result.Format);
        Assert.Empty(result.Entries);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: DTD refused (", StringComparison.Ordinal));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_ExternalEntity_RefusedAndNeverRead()
    {
        var result = TestFeeds.Parse("xxe-external-entity.xml");

        Assert.Null(result.Format);
        Assert.Null(result.Feed.Title);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: DTD refused (", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NetscapeDoctype_ParsedWithoutFetchingTheDtd()
    {
        var result = TestFeeds.Parse("rss091-netscape-doctype.xml");

        Assert.Equal("rss", result.Format);
        Assert.True(result.WellFormed);
        Assert.Equal("Netscape 0.91", result.Feed.Title);
        Assert.Equal("Old item", result.Entries[0].Title);
    }

    [Fact]
    public void Parse_NetscapeDoctypeWithHtmlEntity_RecoversTheEntity()
    {
        const string xml = """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>A&nbsp;B</title></channel></rss>
            """;

        var result = TestFeeds.ParseText(xml);

        Assert.Equal("A\u00a0B", result.Feed.Title);
    }

    [Fact]
    public void Parse_DoctypeTextInsideCdata_IsContentNotADeclaration()
    {
        const string xml = """
            <rss><channel><title>t</title><item><description><![CDATA[<!DOCTYPE html [ <!ENTITY x "y"> ]><p>hi</p>]]></description></item></channel></rss>
            """;

        var result = TestFeeds.ParseText(xml);

        Assert.True(result.WellFormed);
        Assert.Contains("<p>hi</p>", result.Entries[0].Summary, StringComparison.Ordinal);
    }
}

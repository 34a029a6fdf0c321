using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>Reads all metadata from the page as parsed, before any cleaning removes scripts or headers.</summary>
internal static class MetadataReader
{
    public static PageMetadata Read(IDocument document, Uri pageUrl) => Read(document, PageScan.Of(document), pageUrl);

    public static PageMetadata Read(IDocument document, PageScan scan, Uri pageUrl)
    {
        var meta = new MetaTags(scan.Metas);
        var ld = JsonLdReader.Read(scan.JsonLdScripts);
        var siteName = SiteNameFinder.Find(meta, ld);
        var authors = BylineFinder.Find(document, meta, ld, siteName);
        var (published, publishedFrom) = DateFinder.FindPublished(document, meta, ld, pageUrl);
        return new PageMetadata
        {
            Title = TitleFinder.Find(document, meta, ld, siteName, pageUrl),
            Authors = authors,
            Byline = BylineCleaner.Join(authors),
            Published = published,
            PublishedFrom = publishedFrom,
            Modified = DateFinder.FindModified(meta, ld),
            Language = LanguageFinder.Find(document, meta, ld),
            LeadImage = LeadImageFinder.Find(document, meta, ld, pageUrl),
            CanonicalUrl = CanonicalUrlFinder.Find(scan.CanonicalHref, meta, ld, pageUrl),
            SiteName = siteName,
            StructuredBody = ld?.ArticleBody,
            Evidence = PageEvidenceReader.Read(scan, meta, JsonLdReader.DeclaredTypes(scan.JsonLdScripts)),
        };
    }
}

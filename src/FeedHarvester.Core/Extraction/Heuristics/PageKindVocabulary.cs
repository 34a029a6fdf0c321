using System.Collections.Frozen;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// What a page says about the kind of its main content, as votes: schema.org types (JSON-LD @type, microdata
/// itemtype), og:type, and the landmarks of its markup. An article page's main content is one run of prose the
/// scorer finds; the other kinds (a product, a thread, a list of items, a service's sections) spread it over most
/// of the page, where the scorer's best block is only a piece of it. Type names follow schema.org
/// (https://schema.org/docs/full.html); words are generic, never a site's.
/// </summary>
internal static class PageKindVocabulary
{
    /// <summary>Endings of schema.org types of one article (NewsArticle, TechArticle, BlogPosting, LiveBlogPosting …).</summary>
    public static readonly string[] ArticleTypeEndings = ["Article", "BlogPosting", "Report"];

    /// <summary>schema.org types whose main content is many items, a thread or a set of sections, not one text.</summary>
    public static readonly FrozenSet<string> SpreadContentTypes = FrozenSet.ToFrozenSet(
    [
        "Product", "ProductGroup", "IndividualProduct", "ProductModel", "Offer", "AggregateOffer", "ItemList",
        "CollectionPage", "SearchResultsPage", "QAPage", "FAQPage", "DiscussionForumPosting", "SocialMediaPosting",
        "Question", "Service", "ProfessionalService", "Course", "SoftwareApplication", "Event", "Recipe",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>og:type values of one article.</summary>
    public static readonly FrozenSet<string> ArticleOgTypes = FrozenSet.ToFrozenSet(["article", "blog", "news"], StringComparer.OrdinalIgnoreCase);

    /// <summary>og:type values of a page whose content is spread (a product, a profile, a listing).</summary>
    public static readonly FrozenSet<string> SpreadOgTypes = FrozenSet.ToFrozenSet(
        ["product", "product.item", "product.group", "og:product", "profile", "books.book"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A page with at least this many &lt;article&gt; elements is a list of items or posts, not one article.</summary>
    public const int ManyArticleElements = 3;
}

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>Class/id words that raise or lower a container's score, and words that mark page metadata.</summary>
internal static class ScoringVocabulary
{
    /// <summary>Words publishers use for the container of the article body.</summary>
    public static readonly VocabularyGroup Positive = VocabularyGroup.Build("positive",
        ["article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story", "prose", "richtext",
         "rich-text", "page-content"]);

    /// <summary>Words for everything around the body; together with the boilerplate groups they lower a score.</summary>
    public static readonly VocabularyGroup Negative = VocabularyGroup.Build("negative",
        ["hidden", "combx", "comment", "contact", "foot", "footnote", "masthead", "media", "meta", "outbrain", "promo",
         "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
         "widget", "byline", "author", "caption", "credit", "timestamp", "newsletter", "recommend"],
        ["ad", "ads", "nav", "rail"]);

    /// <summary>
    /// Words that save an element matched by a boilerplate group, because publishers also use them on the body
    /// wrapper ("article-body sidebar-layout").
    /// </summary>
    public static readonly VocabularyGroup MaybeBody = VocabularyGroup.Build("maybe-body",
        ["article-body", "articlebody", "article-content", "articlecontent", "post-body", "postbody", "entry-content",
         "story-body", "storybody", "main-content", "maincontent", "article__body", "article-text", "post-content",
         "story-content", "body-text", "content-body"]);

    /// <summary>Bylines, datelines and other article metadata that is not body text.</summary>
    public static readonly VocabularyGroup ArticleMeta = VocabularyGroup.Build("article-meta",
        ["byline", "dateline", "author", "timestamp", "publish-date", "published", "updated", "posted-on",
         "article-meta", "post-meta", "entry-meta", "meta-data", "metadata", "contributor", "tags", "tag-list",
         "keywords", "categories", "reading-time", "readtime", "caption", "credit"],
        ["meta", "date", "time"]);

    /// <summary>Every scoring group, matched once per distinct class/id together with the boilerplate groups.</summary>
    public static readonly VocabularyGroup[] All = [Positive, Negative, MaybeBody, ArticleMeta];
}

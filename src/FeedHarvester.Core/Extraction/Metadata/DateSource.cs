namespace FeedHarvester.Extraction.Metadata;

/// <summary>Where on the page a published date was read, most explicit first; <see cref="None"/> when the page states none.</summary>
public enum DateSource
{
    /// <summary>The page states no publication date.</summary>
    None,

    /// <summary>A schema.org Article's datePublished in JSON-LD.</summary>
    JsonLd,

    /// <summary>A &lt;meta&gt; tag (article:published_time, dc.date, citation_date…).</summary>
    MetaTag,

    /// <summary>An element marked itemprop="datePublished".</summary>
    Microdata,

    /// <summary>A &lt;time datetime&gt; element in the article's header.</summary>
    TimeElement,

    /// <summary>A date written out in a short line beside the headline or byline ("March 3, 2024").</summary>
    VisibleText,

    /// <summary>A /2024/03/03/ date in the page's URL.</summary>
    Url,
}

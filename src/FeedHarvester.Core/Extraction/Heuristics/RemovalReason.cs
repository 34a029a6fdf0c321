namespace FeedHarvester.Extraction.Heuristics;

/// <summary>Why a node was dropped from a page; recorded per node so an F1 regression can be traced to a rule.</summary>
public enum RemovalReason
{
    /// <summary>script, style, template and other non-content elements.</summary>
    NonContent,

    /// <summary>hidden attribute, aria-hidden, or display:none / visibility:hidden inline style.</summary>
    Hidden,

    /// <summary>Form controls and small forms (search boxes, sign-up forms).</summary>
    Form,

    /// <summary>nav, header, footer, aside and their ARIA roles.</summary>
    Navigation,

    /// <summary>Cookie and privacy consent banners.</summary>
    Consent,

    /// <summary>Newsletter and subscription boxes.</summary>
    Newsletter,

    /// <summary>Share and follow buttons.</summary>
    Share,

    /// <summary>"Top Stories", "Related", "More from", "Most read" teaser lists.</summary>
    Teaser,

    /// <summary>Reader comments.</summary>
    Comments,

    /// <summary>Advertising slots.</summary>
    Ad,

    /// <summary>An element whose class/id names it page furniture of no more specific kind.</summary>
    UnlikelyCandidate,

    /// <summary>A block inside the article that is mostly links.</summary>
    LinkDense,

    /// <summary>A block inside the article that failed the conditional checks (images, lists, inputs vs text).</summary>
    ConditionalClean,

    /// <summary>Byline, dateline and similar article metadata.</summary>
    ArticleMeta,

    /// <summary>"Read more: …" style inline promotion.</summary>
    InlinePromotion,

    /// <summary>The article title repeated inside the body.</summary>
    Title,

    /// <summary>A figure or caption with no prose of its own.</summary>
    Caption,

    /// <summary>An element left with no text and no media.</summary>
    Empty,
}

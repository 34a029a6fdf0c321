namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// Class/id words of page furniture, one group per concept, each with the reason recorded when it removes an element.
/// A match makes an element an "unlikely candidate" that the first extraction pass removes before scoring. Words are
/// generic web vocabulary, never a site's name. A new concept is one group here, added to <see cref="Unlikely"/> at
/// its rank; the matcher, the reasons and the pass rules are derived from it.
/// </summary>
internal static class BoilerplateVocabulary
{
    /// <summary>
    /// Cookie and privacy consent banners (incl. generic consent-management-platform prefixes). Not "cmp": content
    /// management systems use it for "component" on every block of a page (cmp-container, cmp-text). Removed even
    /// when it holds most of the page's text: a consent centre's long policy text outweighs a short thread.
    /// </summary>
    public static readonly VocabularyGroup Consent = VocabularyGroup.Build("consent",
        ["cookie", "consent", "gdpr", "ccpa", "onetrust", "privacy-banner", "privacy-notice"],
        ["sp_message"],
        RemovalReason.Consent, inEveryPass: true, evenWhenMostOfPage: true);

    /// <summary>Teaser lists pointing at other articles.</summary>
    public static readonly VocabularyGroup Related = VocabularyGroup.Build("related",
        ["related", "recommend", "more-stories", "morestories", "more-from", "more-on", "most-read", "mostread",
         "most-popular", "mostpopular", "most-viewed", "popular", "trending", "top-stories", "topstories", "teaser",
         "outbrain", "taboola", "read-next", "readnext", "also-read", "spotlight", "you-may-like", "youmaylike",
         "further-reading", "story-list", "card-list", "headlines"],
        ["promo", "promos", "next-up", "upnext"],
        RemovalReason.Teaser, isItems: true);

    /// <summary>Newsletter and subscription calls to action.</summary>
    public static readonly VocabularyGroup Newsletter = VocabularyGroup.Build("newsletter",
        ["newsletter", "subscribe", "subscription", "signup", "sign-up", "mailing-list", "email-capture", "paywall",
         "regwall", "donate"],
        reason: RemovalReason.Newsletter);

    /// <summary>Share and follow buttons. Not "tweet": embedded tweets (class "twitter-tweet") are quoted content.</summary>
    public static readonly VocabularyGroup Share = VocabularyGroup.Build("share",
        ["share", "sharing", "sociable", "addthis", "follow-us", "followus"],
        ["social", "print", "email"],
        RemovalReason.Share);

    /// <summary>Site navigation and chrome.</summary>
    public static readonly VocabularyGroup Navigation = VocabularyGroup.Build("navigation",
        ["navbar", "navigation", "menu", "breadcrumb", "masthead", "skip-link", "skiplink", "pagination", "pager",
         "sidebar", "side-bar", "widget", "toolbar", "topbar", "site-header", "site-footer", "global-header",
         "global-footer", "footer", "subnav", "mainnav", "off-canvas", "offcanvas", "drawer", "modal", "popup",
         "overlay", "login"],
        ["nav", "header", "rail", "aside", "banner", "search"],
        RemovalReason.Navigation);

    /// <summary>Advertising slots.</summary>
    public static readonly VocabularyGroup Ads = VocabularyGroup.Build("ads",
        ["advert", "sponsor", "adslot", "ad-slot", "adunit", "ad-unit", "ad-container", "adcontainer", "ad-wrapper",
         "adwrapper", "dfp", "gpt-ad", "google_ad", "doubleclick", "commercial", "native-ad", "skyscraper", "leaderboard",
         "billboard", "affiliate"],
        ["ad", "ads", "adv", "advertisement", "dfp-ad"],
        RemovalReason.Ad);

    /// <summary>Reader comments.</summary>
    public static readonly VocabularyGroup Comments = VocabularyGroup.Build("comments",
        ["comment", "disqus", "discussion", "respond", "replies", "reactions"],
        reason: RemovalReason.Comments, inEveryPass: true, evenWhenMostOfPage: true, isDiscussion: true);

    /// <summary>
    /// The groups the first pass removes, by rank: when an element matches several, the first names the reason
    /// (most specific first).
    /// </summary>
    public static readonly VocabularyGroup[] Unlikely = [Consent, Newsletter, Share, Comments, Ads, Related, Navigation];
}

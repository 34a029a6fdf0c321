namespace FeedHarvester.Extraction.Heuristics;

/// <summary>Every number the extractor decides with, each with the reason for its value.</summary>
internal static class ExtractionThresholds
{
    /// <summary>A paragraph shorter than this is a label or button, not prose, and is not scored.</summary>
    public const int MinParagraphChars = 25;

    /// <summary>A result shorter than this is probably a teaser or a caption: relax the rules and try again.</summary>
    public const int MinArticleChars = 500;

    /// <summary>Characters per point of length bonus a paragraph gives its container.</summary>
    public const int CharsPerLengthPoint = 100;

    /// <summary>Cap on the length bonus, so one huge block cannot outweigh many real paragraphs.</summary>
    public const double MaxLengthPoints = 3;

    /// <summary>Points every scored paragraph gives its containers before its commas and length are counted.</summary>
    public const int PointsPerParagraph = 1;

    /// <summary>
    /// Levels of containers a paragraph gives its points to, starting at the one its text is in (the parent of a p,
    /// a div-paragraph itself): further up, an element is a page section rather than the article.
    /// </summary>
    public const int ScoredAncestorLevels = 3;

    /// <summary>The second level up receives a paragraph's points divided by this.</summary>
    public const double SecondLevelDivider = 2;

    /// <summary>Levels past the second receive a paragraph's points divided by their level times this.</summary>
    public const double DividerPerFurtherLevel = 3;

    /// <summary>Starting score of div, article and main (<see cref="ElementSets.ContentContainers"/>): where bodies live.</summary>
    public const double ContentContainerScore = 5;

    /// <summary>Starting score of pre, td and blockquote (<see cref="ElementSets.TextContainers"/>): text, less often the body.</summary>
    public const double TextContainerScore = 3;

    /// <summary>Starting score of lists, forms and address (<see cref="ElementSets.ListContainers"/>): rarely the body.</summary>
    public const double ListContainerScore = -3;

    /// <summary>Starting score of headings and table headers (<see cref="ElementSets.Headings"/>): never the body.</summary>
    public const double HeadingScore = -5;

    /// <summary>Score added or taken for a positive or negative class/id word.</summary>
    public const double ClassWeight = 25;

    /// <summary>
    /// Score added to an element the page marks as its body (itemprop="articleBody"): twice a class word, and still
    /// only evidence, since the element has to hold the text to win.
    /// </summary>
    public const double StructuredBodyWeight = 2 * ClassWeight;

    /// <summary>How many of the best candidates are kept to look for a common ancestor.</summary>
    public const int TopCandidates = 5;

    /// <summary>An ancestor of the best candidate shared by this many top candidates becomes the candidate.</summary>
    public const int MinCandidatesForCommonAncestor = 3;

    /// <summary>Top candidates scoring at least this share of the best count as "close" when looking for a common ancestor.</summary>
    public const double CloseCandidateRatio = 0.75;

    /// <summary>
    /// Climbing from the best candidate to a better-scoring ancestor stops at the first one scoring under the best's
    /// score divided by this: past it the ancestor is a page section, not a fuller body.
    /// </summary>
    public const double ParentScoreFloorDivisor = 3;

    /// <summary>A sibling scoring at least this share of the best candidate is merged into the article.</summary>
    public const double SiblingScoreRatio = 0.2;

    /// <summary>A sibling must score at least this much to be merged, so tiny scores never qualify.</summary>
    public const double MinSiblingScore = 10;

    /// <summary>A sibling paragraph this long and below <see cref="MaxSiblingLinkDensity"/> is article text.</summary>
    public const int MinSiblingParagraphChars = 80;

    /// <summary>More linked text than this in a long sibling paragraph makes it navigation, not prose.</summary>
    public const double MaxSiblingLinkDensity = 0.25;

    /// <summary>Above this link density a plain block inside the article is a link list (teasers, tags) and is pruned.</summary>
    public const double MaxLinkDensity = 0.33;

    /// <summary>A block whose class/id names it body text may hold more links (a linky explainer) before it is pruned.</summary>
    public const double MaxLinkDensityWhenPositive = 0.5;

    /// <summary>A block with <see cref="MinGalleryEmbeds"/> embeds and less text than this is a media gallery or a widget.</summary>
    public const int MinTextCharsWithEmbeds = 75;

    /// <summary>Embeds (iframe, object, embed, video, audio) that make a block with little text a gallery or a widget.</summary>
    public const int MinGalleryEmbeds = 2;

    /// <summary>Images that make a block a gallery unless it holds <see cref="MinParagraphsPerImage"/> paragraphs per image.</summary>
    public const int MinGalleryImages = 2;

    /// <summary>Paragraphs per image below which a block of several images is a gallery, not an illustrated text (outside a figure).</summary>
    public const double MinParagraphsPerImage = 0.5;

    /// <summary>
    /// List items a block other than a list may hold beyond its paragraphs before it reads as a list of links or tags:
    /// a long article with a few lists stays well under it.
    /// </summary>
    public const int ListItemsBeyondParagraphs = 100;

    /// <summary>
    /// A block shorter than <see cref="MinBlockChars"/> with one image up to this many is a picture with its caption
    /// and is kept; with none, or more, it is an empty shell or a strip of thumbnails.
    /// </summary>
    public const int MaxImagesInShortBlock = 2;

    /// <summary>A block inside the article with fewer characters and no image is an empty shell (a widget placeholder).</summary>
    public const int MinBlockChars = 25;

    /// <summary>A block with at least this many commas reads as prose and is never pruned conditionally.</summary>
    public const int ProseCommaCount = 10;

    /// <summary>Bylines, datelines and "Read more:" lines are short; longer blocks are never removed as such.</summary>
    public const int MaxMetaLineChars = 200;

    /// <summary>
    /// A page without author markup writes its "By …" line right under the headline, before the story; a "by" line
    /// further down is a caption, a quote or a related story's.
    /// </summary>
    public const int BylineBlocksAfterHeadline = 6;

    /// <summary>A teaser box heading ("Most read", "Related") is short; a longer heading is a real sub-heading.</summary>
    public const int MaxTeaserHeadingChars = 60;

    /// <summary>
    /// A heading whose text, before trimming, is longer than this is not read as a teaser heading at all: room for
    /// the indentation of a short heading, not for a paragraph.
    /// </summary>
    public const int MaxTeaserHeadingRawChars = 2 * MaxTeaserHeadingChars;

    /// <summary>A box under a teaser heading with at least this link density is a teaser list.</summary>
    public const double MinTeaserLinkDensity = 0.35;

    /// <summary>
    /// A boilerplate-named element holding more than this share of the page's paragraph text is the article
    /// itself under an unlucky class name ("content sidebar-layout"); it is kept.
    /// </summary>
    public const double MaxBoilerplateShareOfText = 0.5;

    /// <summary>
    /// Below this much text the "most of the page" guard does not protect an element: on a near-empty page the
    /// menu is most of the text.
    /// </summary>
    public const int MinProtectedChars = 200;

    /// <summary>A hidden element with at least this share of the page's text is content a script reveals, not a menu.</summary>
    public const double MinHiddenContentShare = 0.25;

    /// <summary>Above this link density a hidden block is a menu or a list of links, whatever its size.</summary>
    public const double MaxHiddenContentLinkDensity = 0.5;

    /// <summary>Structured-data body shorter than this is a summary, not evidence of the article body.</summary>
    public const int MinStructuredBodyChars = 500;

    /// <summary>A DOM result with less than this share of the structured-data body's words has missed most of it.</summary>
    public const double MinShareOfStructuredBody = 0.6;

    /// <summary>h1 elements compared with the declared title; a page with more is a listing of headlines.</summary>
    public const int MaxHeadingsForTitle = 5;

    /// <summary>An h1 of fewer words ("Home", a logo) is contained in many titles without being the headline.</summary>
    public const int MinAgreeingHeadlineWords = 2;

    /// <summary>A title part of at most this many words beside the headline is a site or section name ("World | Gazette").</summary>
    public const int MaxSiteLabelWords = 3;

    /// <summary>The rest of the title must have at least this many words to be the headline a site label is cut from.</summary>
    public const int MinHeadlineWordsBesideLabel = 4;

    /// <summary>
    /// JSON-LD containers (arrays, @graph, mainEntity) looked into for the article: real pages nest it two or three
    /// deep, and a deeper search only costs time on hostile markup.
    /// </summary>
    public const int MaxJsonLdNesting = 8;

    /// <summary>
    /// A &lt;main&gt; or role="main" element holding less than this share of the page's text is a small part marked
    /// main by a template (a hero block, a form), not the page's main content; the main region is then the body.
    /// </summary>
    public const double MinLandmarkShareOfPage = 0.2;

    /// <summary>
    /// The scored body agrees with the main region when it holds at least this share of the region's text outside
    /// links (menus and link lists add nothing to it): the region's surplus is then furniture around one text. Below
    /// it, on a page that does not declare itself one article, the region is the main content and the scored body one
    /// piece of it. Measured on the WCXB DEV pages (0.5 to 1.0 differ by under 0.01 F1; 0.8 was best).
    /// </summary>
    public const double MinShareOfMainRegion = 0.8;

    /// <summary>
    /// On a page that declares itself one article, a scored body shorter than <see cref="MinArticleChars"/> is still
    /// the article (a brief, a paywalled teaser) unless it holds less than this share of the main region's prose:
    /// then it is a sliver (a "From the encyclopedia" line) beside content the scorer cannot see, such as lists.
    /// </summary>
    public const double MinShareOfMainRegionForArticle = 0.2;
}

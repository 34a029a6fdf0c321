using AngleSharp.Dom;

namespace FeedHarvester.Normalization;

/// <summary>The body an article carries: its HTML, plain text and provenance, and the URL its relative links resolve against.</summary>
/// <param name="Html">The body's HTML: as chosen, until the clean step sanitizes it.</param>
/// <param name="Text">Plain text of the body: paragraphs separated by a blank line.</param>
/// <param name="Info">Which path produced the body, and why the page was not used when it was not.</param>
/// <param name="BaseUrl">The page URL after redirects, else the entry's link, else the feed URL.</param>
/// <param name="Tree">
/// For a body from the page, its element in the page's parsed tree when the extractor left one (see
/// ExtractedArticle.Tree): the clean step sanitizes that tree and reads both the HTML and the text from it.
/// </param>
public sealed record ArticleBody(string Html, string Text, ExtractionInfo Info, Uri BaseUrl, IElement? Tree = null);

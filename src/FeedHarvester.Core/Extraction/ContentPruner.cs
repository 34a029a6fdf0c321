using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Scoring;

namespace FeedHarvester.Extraction;

/// <summary>
/// Cleans inside the chosen article: the title, bylines and datelines, captions, "Read more: …" promotions,
/// teaser boxes, and (in the strict pass) blocks that look like link lists or widgets rather than prose.
/// </summary>
internal sealed class ContentPruner(NodeRemover remover, ExtractionFlags flags)
{
    private static readonly string ConditionalSelector = string.Join(',', ElementSets.Conditional);

    public void Prune(IElement article, string? title)
    {
        RemoveTitles(article, title);
        RemoveCaptions(article);
        RemoveArticleMeta(article);
        RemoveInlinePromotions(article);
        TeaserBoxRemover.Remove(article, remover, remover.Stats.Of(article).Chars);
        if (flags.HasFlag(ExtractionFlags.CleanConditionally))
        {
            CleanConditionally(article);
        }

        RemoveEmpty(article);
    }

    private void RemoveTitles(IElement article, string? title)
    {
        foreach (var heading in article.QuerySelectorAll("h1,h2"))
        {
            remover.Budget.Step();
            if (heading.LocalName == "h1" || (title is not null && SameText(heading.TextContent, title)))
            {
                remover.Remove(heading, RemovalReason.Title);
            }
        }
    }

    private void RemoveCaptions(IElement article)
    {
        foreach (var caption in article.QuerySelectorAll("figcaption,caption"))
        {
            remover.Budget.Step();
            remover.Remove(caption, RemovalReason.Caption);
        }

        foreach (var figure in article.QuerySelectorAll("figure"))
        {
            remover.Budget.Step();
            var stats = remover.Stats.Of(figure);
            if (stats.Images + stats.Pictures + stats.Videos == 0 && stats.Chars < ExtractionThresholds.MaxMetaLineChars)
            {
                remover.Remove(figure, RemovalReason.Caption);
            }
        }
    }

    private void RemoveArticleMeta(IElement article)
    {
        foreach (var element in article.QuerySelectorAll("address,time,p,div,span,ul,li,section"))
        {
            remover.Budget.Step();
            var inline = element.LocalName is "time" or "span";
            if (inline && (DomRules.HasAncestorOrSelf(element, "p") || DomRules.IsInCode(element)))
            {
                continue; // a date or name inside a sentence is part of the prose; a span in code is a token
            }

            if (element.LocalName is "address" or "time" || IsMetaLine(element))
            {
                if (DomRules.IsInside(element, article) && remover.Stats.Of(element).Chars <= ExtractionThresholds.MaxMetaLineChars)
                {
                    remover.Remove(element, RemovalReason.ArticleMeta);
                }
            }
        }
    }

    private bool IsMetaLine(IElement element)
    {
        if (remover.Names.Of(element).Has(ScoringVocabulary.ArticleMeta))
        {
            return true;
        }

        // Checked by length first: only a short line can be a byline, and the text is built only for those.
        return element.LocalName is "p" or "div" && !DomRules.HasBlockChild(element) &&
               remover.Stats.Of(element).Chars <= ExtractionThresholds.MaxMetaLineChars &&
               TextPatterns.BylineLine().IsMatch(element.TextContent);
    }

    private void RemoveInlinePromotions(IElement article)
    {
        foreach (var element in article.QuerySelectorAll("p,li,div,h2,h3,h4,h5,h6,strong,em,b,span"))
        {
            remover.Budget.Step();
            if (DomRules.HasBlockChild(element) || !DomRules.IsInside(element, article) || DomRules.IsInCode(element))
            {
                continue;
            }

            var stats = remover.Stats.Text(element);
            if (stats.Chars is 0 or > ExtractionThresholds.MaxMetaLineChars)
            {
                continue;
            }

            var text = element.TextContent;
            if (stats.LinkChars > 0 && TextPatterns.InlinePromotion().IsMatch(text))
            {
                remover.Remove(element, RemovalReason.InlinePromotion);
            }
            else if (element.LocalName is "p" or "div" or "li" && TextPatterns.NewsletterCallToAction().IsMatch(text))
            {
                remover.Remove(element, RemovalReason.Newsletter);
            }
        }
    }

    private void CleanConditionally(IElement article)
    {
        // Deepest first, so an outer block is judged on what its inner blocks left.
        var blocks = article.QuerySelectorAll(ConditionalSelector);
        for (var i = blocks.Length - 1; i >= 0; i--)
        {
            remover.Budget.Step();
            if (DomRules.IsInside(blocks[i], article) && ShouldRemove(blocks[i]) is { } reason)
            {
                remover.Remove(blocks[i], reason);
            }
        }
    }

    internal RemovalReason? ShouldRemove(IElement block)
    {
        var names = remover.Names.Of(block);
        var weight = flags.HasFlag(ExtractionFlags.WeightClasses) ? ClassWeigher.Weigh(names) : 0;
        if (weight < 0 && names.Has(BoilerplateVocabulary.Share) && DomRules.HoldsQuotation(block))
        {
            weight = 0; // an embedded post in a "social" wrapper: quoted content, judged by its shape
        }

        if (weight < 0)
        {
            return RemovalReason.ConditionalClean;
        }

        var all = remover.Stats.Of(block);
        var stats = all.Text;
        if (stats.Commas >= ExtractionThresholds.ProseCommaCount)
        {
            return null;
        }

        var maxDensity = weight > 0 ? ExtractionThresholds.MaxLinkDensityWhenPositive : ExtractionThresholds.MaxLinkDensity;
        if (stats.LinkDensity > maxDensity)
        {
            return RemovalReason.LinkDense;
        }

        return FailsContentShape(block, all) ? RemovalReason.ConditionalClean : null;
    }

    private static bool FailsContentShape(IElement block, ElementStats stats)
    {
        var isList = block.LocalName is "ul" or "ol" or "dl";
        var paragraphs = stats.Paragraphs;
        var images = stats.Images;
        var items = stats.ListItems - ExtractionThresholds.ListItemsBeyondParagraphs;
        var embeds = stats.Embeds;
        var inFigure = DomRules.HasAncestorOrSelf(block, "figure");

        return (images >= ExtractionThresholds.MinGalleryImages && (double)paragraphs / images < ExtractionThresholds.MinParagraphsPerImage && !inFigure) ||
               (!isList && items > paragraphs) ||
               (!isList && stats.Chars < ExtractionThresholds.MinBlockChars && (images == 0 || images > ExtractionThresholds.MaxImagesInShortBlock) &&
                !inFigure && stats.Structure == 0) ||
               (embeds >= ExtractionThresholds.MinGalleryEmbeds && stats.Chars < ExtractionThresholds.MinTextCharsWithEmbeds);
    }

    private void RemoveEmpty(IElement article)
    {
        var blocks = article.QuerySelectorAll("p,div,section,span,li,ul,ol,h2,h3,h4,h5,h6");
        for (var i = blocks.Length - 1; i >= 0; i--)
        {
            remover.Budget.Step();
            var block = blocks[i];
            if (DomRules.IsInside(block, article) && remover.Stats.Of(block) is { Chars: 0, Media: 0 } && !IsWordSpace(block))
            {
                remover.Remove(block, RemovalReason.Empty);
            }
        }
    }

    /// <summary>An inline element holding only white space is the space between two words ("rich&lt;span&gt; &lt;/span&gt;selling").</summary>
    private static bool IsWordSpace(IElement element) => element.LocalName == "span" && element.TextContent.Length != 0;

    private static bool SameText(string a, string b) =>
        string.Equals(Metadata.TitleFinder.Collapse(a), Metadata.TitleFinder.Collapse(b), StringComparison.OrdinalIgnoreCase);

}

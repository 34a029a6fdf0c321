using FeedHarvester.Cleaning;
using FeedHarvester.Html;
using FeedHarvester.Normalization;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Choose → clean → normalize: the body the article carries is picked (page, else the feed's content), sanitized,
/// and the record made. A page body is sanitized in the page's own parsed tree, and its HTML and text are both read
/// from that sanitized tree; a feed body is parsed to be sanitized. Shared by the harvest and the extract command, so
/// both give the same record for the same page.
/// </summary>
public sealed class ArticleAssembler(ArticleNormalizer normalizer, HtmlCleaner cleaner)
{
    public Article Assemble(NormalizationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = normalizer.ChooseBody(input);
        return normalizer.Normalize(input, Clean(body));
    }

    private ArticleBody Clean(ArticleBody body)
    {
        if (body.Tree is not { } tree)
        {
            return body with { Html = cleaner.Clean(body.Html, body.BaseUrl) };
        }

        var clean = cleaner.Clean(tree, body.BaseUrl);
        return body with
        {
            Html = clean.Html,
            Text = clean.Text,
            Info = body.Info with { WordCount = HtmlText.CountWords(clean.Text) },
            Tree = null,
        };
    }
}

using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction;

/// <summary>
/// The second opinion on a page's body: its main region as a whole (the &lt;main&gt; landmark when it holds a fair
/// share of the text, else the body), with page chrome and furniture removed but a thread's posts, a listing's items
/// and a service's sections kept. On pages whose main content is most of the page this is the body; on an article
/// page it is the article plus what surrounds it, which is how the two are told apart.
/// </summary>
internal sealed class MainRegionReader(NodeRemover remover)
{
    public const string Path = "main-region";

    /// <summary>The region read again without class words, when they removed more than the scorer kept.</summary>
    public const string UnnamedPath = "main-region-unnamed";

    /// <param name="spreadContent">The page votes its content spread over it (a thread, a listing): its
    /// discussion is content too.</param>
    /// <param name="scoredChars">Text of the scored body. The region holds it, read by the rules of a relaxed pass;
    /// a region reading with less means the page's component classes carry furniture words ("celwidget",
    /// "elementor-widget" on every block), and the region is read again by its structure alone.</param>
    public ExtractionAttempt Read(IElement body, IReadOnlyList<IElement> landmarks, bool spreadContent, int scoredChars = 0)
    {
        var root = Root(body, landmarks);
        var scope = spreadContent ? RegionScope.ItemsAndDiscussion : RegionScope.Items;
        var attempt = ReadAs(Path, root, scope);
        if (attempt.Chars >= scoredChars)
        {
            return attempt;
        }

        remover.Restore();
        return ReadAs(UnnamedPath, root, RegionScope.Unnamed);
    }

    private ExtractionAttempt ReadAs(string path, IElement root, RegionScope scope)
    {
        new TreeCleaner(remover, ExtractionFlags.StripUnlikely, scope).Clean(root);
        var text = HtmlText.FromNode(root, remover.Budget.Step);
        var stats = remover.Stats.Text(root);
        return new ExtractionAttempt(path, HtmlWriter.OuterHtml(root), text) { ProseChars = stats.Chars - stats.LinkChars };
    }

    private IElement Root(IElement body, IReadOnlyList<IElement> landmarks)
    {
        var pageChars = remover.Stats.Of(body).Chars;
        IElement? best = null;
        var bestChars = 0;
        foreach (var landmark in landmarks)
        {
            var chars = remover.Stats.Of(landmark).Chars;
            if (chars > bestChars && DomRules.IsInside(landmark, body) && !TreeCleaner.IsHidden(landmark))
            {
                (best, bestChars) = (landmark, chars);
            }
        }

        return best is not null && bestChars >= pageChars * ExtractionThresholds.MinLandmarkShareOfPage ? best : body;
    }
}

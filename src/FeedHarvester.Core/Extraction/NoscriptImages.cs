using AngleSharp.Dom;
using FeedHarvester.Cleaning;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction;

/// <summary>
/// Lazy-loading pages put the real image in a &lt;noscript&gt; beside a placeholder &lt;img&gt;. With scripting off
/// the parser keeps the noscript's markup as elements, and the cleaner would drop it as non-content; so before
/// extraction the placeholder is swapped for the noscript image, or a lone noscript image is unwrapped.
/// </summary>
internal static class NoscriptImages
{
    public static void Unwrap(IEnumerable<IElement> noscripts, WorkBudget? budget = null)
    {
        foreach (var noscript in noscripts)
        {
            budget?.Step();
            if (noscript.Parent is null || OnlyImage(noscript) is not { } image)
            {
                continue;
            }

            var previous = noscript.PreviousElementSibling;
            var placeholder = previous?.LocalName == "img" ? previous : null;
            if (placeholder is not null && MediaPolicy.IsPlaceholder(placeholder.GetAttribute("src")))
            {
                placeholder.Replace(image);
                noscript.Remove();
            }
            else if (placeholder is null)
            {
                noscript.Replace(image);
            }
        }
    }

    /// <summary>The noscript's single image when it holds nothing else (no text, no other elements).</summary>
    private static IElement? OnlyImage(IElement noscript)
    {
        if (noscript.ChildElementCount != 1 || noscript.FirstElementChild is not { LocalName: "img" } image ||
            string.IsNullOrWhiteSpace(image.GetAttribute("src")))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(noscript.TextContent) ? image : null;
    }
}

using System.Globalization;
using AngleSharp.Dom;

namespace FeedHarvester.Cleaning;

/// <summary>
/// Makes article images real before sanitizing: lazy-loaded images get their real URL as src, tracking pixels are
/// dropped, iframes are kept only for <see cref="MediaPolicy.EmbedHosts"/>. Decides one element at a time, as the
/// cleaner copies the tree, so no element is removed in place.
/// </summary>
internal static class ImageNormalizer
{
    /// <summary>Fixes an img's or iframe's source in place and says whether the element stays.</summary>
    public static bool Keeps(IElement element, Uri baseUrl)
    {
        if (element.LocalName == "img")
        {
            RevealLazySource(element);
            return !IsTrackingPixel(element, baseUrl);
        }

        if (element.LocalName == "iframe")
        {
            if (!MediaPolicy.IsAllowedEmbed(element.GetAttribute("src") ?? LazySource(element), baseUrl))
            {
                return false;
            }

            if (string.IsNullOrWhiteSpace(element.GetAttribute("src")))
            {
                element.SetAttribute("src", LazySource(element));
            }
        }

        return true;
    }

    /// <summary>data-src and kin, then the widest srcset candidate, replace a missing or placeholder src.</summary>
    internal static void RevealLazySource(IElement img)
    {
        if (!MediaPolicy.IsPlaceholder(img.GetAttribute("src")))
        {
            return;
        }

        var real = LazySource(img) ?? WidestCandidate(img.GetAttribute("srcset")) ?? LazySrcset(img);
        if (real is not null)
        {
            img.SetAttribute("src", real);
        }
    }

    private static string? LazySource(IElement element)
    {
        foreach (var name in MediaPolicy.LazySourceAttributes)
        {
            var value = element.GetAttribute(name);
            if (!string.IsNullOrWhiteSpace(value) && !MediaPolicy.IsPlaceholder(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static string? LazySrcset(IElement img)
    {
        foreach (var name in MediaPolicy.LazySrcsetAttributes)
        {
            if (WidestCandidate(img.GetAttribute(name)) is { } url)
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>The candidate with the largest width ("640w") or density ("2x") descriptor; the first without any.</summary>
    internal static string? WidestCandidate(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        string? best = null;
        var bestSize = -1.0;
        foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || MediaPolicy.IsPlaceholder(parts[0]))
            {
                continue;
            }

            var size = parts.Length > 1 && parts[1].Length > 1 &&
                       double.TryParse(parts[1].AsSpan(0, parts[1].Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                ? s
                : 0;
            if (size > bestSize)
            {
                (best, bestSize) = (parts[0], size);
            }
        }

        return best;
    }

    private static bool IsTrackingPixel(IElement img, Uri baseUrl) =>
        (IsPixelSize(img.GetAttribute("width")) && IsPixelSize(img.GetAttribute("height"))) ||
        MediaPolicy.IsBeacon(img.GetAttribute("src"), baseUrl);

    private static bool IsPixelSize(string? value) =>
        value is not null && int.TryParse(value.Trim().TrimEnd('x').TrimEnd('p'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var px) &&
        px <= MediaPolicy.MaxPixelSize;
}

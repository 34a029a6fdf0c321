using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>Language tag: html lang, Content-Language meta, og:locale, JSON-LD inLanguage; null when none.</summary>
internal static class LanguageFinder
{
    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld)
    {
        var raw = document.DocumentElement?.GetAttribute("lang")
                  ?? document.DocumentElement?.GetAttribute("xml:lang");
        if (string.IsNullOrWhiteSpace(raw))
        {
            raw = meta.First("content-language", "og:locale", "language", "dc.language") ?? ld?.InLanguage;
        }

        return Normalize(raw);
    }

    /// <summary>"en_US" becomes "en-US"; a list ("en, fr") keeps its first tag.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var tag = raw.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)[0].Replace('_', '-');
        return tag.Length is >= 2 and <= 35 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? tag : null;
    }
}

using System.Text.RegularExpressions;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>Patterns on visible text, compiled at build time.</summary>
internal static partial class TextPatterns
{
    /// <summary>Headings of teaser boxes: "Top Stories", "Related", "More from …", "Most read", "Local Spotlight"…</summary>
    [GeneratedRegex(
        @"^\W*(?:top stories|top news|related(?:\s+\w+)?|more (?:from|on|in|about|stories|news|coverage|to read|like this)\b.*|most (?:read|popular|viewed|shared|emailed|commented)\b.*|(?:\w+\s+)?spotlight|recommended(?:\s+\w+)?|you (?:may|might) (?:also )?(?:like|enjoy)\b.*|trending(?:\s+\w+)?|read (?:more|next)\b.*|also read|popular(?:\s+\w+)?|latest (?:news|stories|headlines|videos)|editor'?s'? picks|what to read next|don'?t miss|further reading|see also|around the web|from the web|sponsored(?:\s+\w+)?|in case you missed it|promoted(?:\s+\w+)?|more headlines|top headlines|today'?s headlines|share this(?:\s+\w+)?|follow us\b.*|sign up\b.*|subscribe\b.*|newsletter\b.*|comments?|\d+ comments?|leave a (?:comment|reply)|join the discussion|discussion)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex TeaserHeading();

    /// <summary>Short inline promotions inside a body: "Read more: …", "RELATED: …", "See also: …".</summary>
    [GeneratedRegex(
        @"^\W*(?:read more|read also|also read|related|see also|more|watch|listen|recommended|click here|sign up|subscribe|read next|further reading|more on this|related coverage|related article|related story|related stories)\s*(?:[:|»›>\-–—]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex InlinePromotion();

    /// <summary>A newsletter call to action: "Subscribe to our newsletters", "Get updates in your inbox. Sign up".</summary>
    [GeneratedRegex(@"\b(?:subscribe|sign up|signup)\b.*\b(?:newsletters?|inbox)\b|\b(?:newsletters?|inbox)\b.*\b(?:subscribe|sign up)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    public static partial Regex NewsletterCallToAction();

    /// <summary>A byline line: "By Jane Doe", "By Jane Doe and John Roe, Reuters".</summary>
    [GeneratedRegex(@"^\s*(?i:by|written by|words by|von|par|por|di)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    public static partial Regex BylineLine();

    /// <summary>The words before the name on a byline line ("By ", "Written by ", "Von "), followed by a capital.</summary>
    [GeneratedRegex(@"^\s*(?i:by|written by|words by|von|par|por|di)\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    public static partial Regex BylinePrefix();

    /// <summary>Where the author's name ends on a byline line: a separator before a date or reading time, or "on"/"at" before a date.</summary>
    [GeneratedRegex(@"\s*[|•·—–\n]|\s+-\s+|\s+(?i:on|at)\s+(?=\p{Lu}|\d)", RegexOptions.CultureInvariant)]
    public static partial Regex BylineTail();

    /// <summary>Text that starts with a date ("Feb 11, 2019", "11 February", "2019-02-11"), not a name.</summary>
    [GeneratedRegex(@"^\s*(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", RegexOptions.CultureInvariant)]
    public static partial Regex LeadingDate();

    /// <summary>A date in a URL path: /2019/11/18/ or /2019-11-18-.</summary>
    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?:[/\-_.]|$)", RegexOptions.CultureInvariant)]
    public static partial Regex UrlDate();


    /// <summary>Inline style that hides an element.</summary>
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HiddenStyle();
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace FeedHarvester.Feeds;

/// <summary>
/// Reads a feed list file: OPML (any &lt;outline xmlUrl&gt;, nested folders become categories) or a plain
/// list (one URL a line, <c>#</c> comments, optional <c>interval=30m</c> after the URL).
/// Bad entries are reported with their file and line and skipped; the rest are kept.
/// </summary>
public static class FeedListReader
{
    public static FeedListResult Read(string path)
    {
        var text = File.ReadAllText(path);
        return LooksLikeOpml(text) ? ReadOpml(text, path) : ReadPlain(text, path);
    }

    public static FeedListResult ReadPlain(string text, string source)
    {
        var feeds = new List<FeedDefinition>();
        var errors = new List<string>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash == 0 || (hash > 0 && char.IsWhiteSpace(line[hash - 1])))
            {
                line = line[..hash].TrimEnd();
            }

            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var where = $"{source}:{lineNumber}";
            if (!TryParseFeedUrl(parts[0], out var url, out var why))
            {
                errors.Add($"{where}: {why}");
                continue;
            }

            TimeSpan? interval = null;
            var valid = true;
            foreach (var option in parts.Skip(1))
            {
                if (option.StartsWith("interval=", StringComparison.OrdinalIgnoreCase)
                    && DurationText.TryParse(option["interval=".Length..], out var value))
                {
                    interval = value;
                }
                else
                {
                    errors.Add($"{where}: unknown or bad option '{option}' (expected interval=15m)");
                    valid = false;
                }
            }

            if (valid)
            {
                feeds.Add(new FeedDefinition(url, interval));
            }
        }

        return new FeedListResult(Distinct(feeds), errors);
    }

    public static FeedListResult ReadOpml(string text, string source)
    {
        var feeds = new List<FeedDefinition>();
        var errors = new List<string>();
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), SafeSettings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            errors.Add($"{source}:{ex.LineNumber}:{ex.LinePosition}: not well-formed OPML: {ex.Message}");
            return new FeedListResult(feeds, errors);
        }

        foreach (var outline in document.Descendants("outline"))
        {
            var xmlUrl = outline.Attribute("xmlUrl")?.Value ?? outline.Attribute("xmlurl")?.Value;
            if (xmlUrl is null)
            {
                continue;
            }

            var line = ((IXmlLineInfo)outline).LineNumber;
            if (!TryParseFeedUrl(xmlUrl, out var url, out var why))
            {
                errors.Add($"{source}:{line}: {why}");
                continue;
            }

            feeds.Add(new FeedDefinition(
                url,
                Interval: IntervalOf(outline, source, line, errors),
                Title: outline.Attribute("title")?.Value ?? outline.Attribute("text")?.Value,
                Category: outline.Attribute("category")?.Value ?? FolderOf(outline),
                Enabled: !string.Equals(outline.Attribute("enabled")?.Value, "false", StringComparison.OrdinalIgnoreCase),
                UserAgent: string.IsNullOrWhiteSpace(outline.Attribute("userAgent")?.Value) ? null : outline.Attribute("userAgent")!.Value.Trim()));
        }

        return new FeedListResult(Distinct(feeds), errors);
    }

    /// <summary>Checks one feed URL: absolute, http or https.</summary>
    public static bool TryParseFeedUrl(string text, out Uri url, out string why)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!))
        {
            why = $"'{text}' is not an absolute URL";
            return false;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            why = $"'{text}' is not an http or https URL";
            return false;
        }

        why = string.Empty;
        return true;
    }

    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private static bool LooksLikeOpml(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return start.StartsWith("<", StringComparison.Ordinal);
    }

    private static TimeSpan? IntervalOf(XElement outline, string source, int line, List<string> errors)
    {
        var text = outline.Attribute("interval")?.Value;
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var interval))
        {
            return interval;
        }

        errors.Add($"{source}:{line}: interval '{text}' is not a duration (e.g. 30m, 2h, 00:30:00)");
        return null;
    }

    private static string? FolderOf(XElement outline) =>
        outline.Parent is { Name.LocalName: "outline" } parent
            ? parent.Attribute("title")?.Value ?? parent.Attribute("text")?.Value
            : null;

    private static List<FeedDefinition> Distinct(List<FeedDefinition> feeds) =>
        feeds.DistinctBy(feed => feed.Url.AbsoluteUri, StringComparer.Ordinal).ToList();
}

/// <summary>The feeds read from a list, and the entries that could not be read (file:line: reason).</summary>
public sealed record FeedListResult(IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<string> Errors);

/// <summary>Durations as operators write them: "90s", "30m", "2h", "1d", or a TimeSpan "00:30:00".</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            TimeSpan? parsed = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                _ => null,
            };
            if (parsed is { } result)
            {
                value = result;
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }
}

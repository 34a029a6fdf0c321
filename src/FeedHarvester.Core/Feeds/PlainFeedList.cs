using System.Text;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>
/// The plain feed list format, one feed a line: the URL, then options as <c>key=value</c> (<c>interval=30m</c>,
/// <c>enabled=false</c>, <c>title="Top stories"</c>, <c>category=world</c>, <c>userAgent="Bot/1.0 (+https://…)"</c>),
/// then an optional <c># comment</c>. Values with spaces, quotes or <c>#</c> are double-quoted, with <c>\"</c> and
/// <c>\\</c> inside. Every option of <see cref="FeedDefinition"/> has its place, so nothing is lost between formats.
/// </summary>
public static class PlainFeedList
{
    private const string Expected = "interval=30m, enabled=false, title=\"…\", category=\"…\" or userAgent=\"…\"";

    /// <summary>One line: a feed, a problem (the line cannot be used), or neither (blank or comment).</summary>
    public static PlainFeedLine Parse(string line, TimeSpan? intervalFloor = null)
    {
        var tokens = Tokenize(line, out var tokenProblem, out _);
        if (tokenProblem is not null)
        {
            return new PlainFeedLine(null, tokens.FirstOrDefault(), tokenProblem);
        }

        if (tokens.Count == 0)
        {
            return new PlainFeedLine(null, null, null);
        }

        if (!FeedEntryRules.TryParseUrl(tokens[0], out var url, out var why))
        {
            return new PlainFeedLine(null, tokens[0], why);
        }

        var feed = new FeedDefinition(url);
        foreach (var option in tokens.Skip(1))
        {
            if (ApplyOption(feed, option, intervalFloor, out var problem) is not { } updated)
            {
                return new PlainFeedLine(null, url.AbsoluteUri, $"{url.AbsoluteUri}: {problem}");
            }

            feed = updated;
        }

        return new PlainFeedLine(feed, url.AbsoluteUri, null);
    }

    /// <summary>The trailing <c># comment</c> of a line (from the #), or null; kept when a command rewrites the line.</summary>
    public static string? Comment(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _ = Tokenize(line, out _, out var commentStart);
        return commentStart < 0 ? null : line[commentStart..].TrimEnd();
    }

    /// <summary>The line that <see cref="Parse"/> reads back as <paramref name="feed"/>.</summary>
    public static string Format(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var line = new StringBuilder(feed.Url.AbsoluteUri);
        if (feed.Interval is { } interval)
        {
            _ = line.Append(" interval=").Append(Duration.Format(interval));
        }

        if (!feed.Enabled)
        {
            _ = line.Append(" enabled=false");
        }

        Append(line, "title", feed.Title);
        Append(line, "category", feed.Category);
        Append(line, "userAgent", feed.UserAgent);
        return line.ToString();
    }

    private static FeedDefinition? ApplyOption(FeedDefinition feed, string option, TimeSpan? intervalFloor, out string problem)
    {
        problem = string.Empty;
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? option[..equals] : option;
        var value = equals > 0 ? option[(equals + 1)..] : string.Empty;
        switch (key.ToLowerInvariant())
        {
            case "interval":
                if (!Duration.TryParse(value, out var interval, out var why))
                {
                    problem = "interval " + why;
                    return null;
                }

                problem = FeedEntryRules.IntervalProblem(interval, intervalFloor) ?? string.Empty;
                return problem.Length == 0 ? feed with { Interval = interval } : null;
            case "enabled":
                if (bool.TryParse(value, out var enabled))
                {
                    return feed with { Enabled = enabled };
                }

                problem = $"enabled '{value}' is not true or false";
                return null;
            case "title":
                return feed with { Title = NullIfBlank(value) };
            case "category":
                return feed with { Category = NullIfBlank(value) };
            case "useragent":
                return feed with { UserAgent = NullIfBlank(value)?.Trim() };
            default:
                problem = $"unknown or bad option '{option}' (expected {Expected})";
                return null;
        }
    }

    // Splits on whitespace outside quotes; a # that starts a word ends the line (a # inside a URL is its fragment).
    private static List<string> Tokenize(string line, out string? problem, out int commentStart)
    {
        problem = null;
        commentStart = -1;
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                {
                    _ = current.Append(line[++i]);
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    _ = current.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    _ = current.Clear();
                    inToken = false;
                }

                continue;
            }

            if (c == '#' && !inToken)
            {
                commentStart = i;
                break;
            }

            inToken = true;
            if (c == '"')
            {
                quoted = true;
            }
            else
            {
                _ = current.Append(c);
            }
        }

        if (quoted)
        {
            problem = "a quoted value is not closed (a \" is missing)";
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static void Append(StringBuilder line, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        // A line ends the entry, so a line break inside a title must not survive.
        value = value.ReplaceLineEndings(" ");
        _ = line.Append(' ').Append(key).Append('=');
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '#' or '\\'))
        {
            _ = line.Append(value);
            return;
        }

        _ = line.Append('"').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>One line of a plain feed list: the feed it lists, the URL it names (when it names one) and why it cannot be used.</summary>
public sealed record PlainFeedLine(FeedDefinition? Feed, string? Url, string? Problem);

using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FeedHarvester.Fetching;

/// <summary>
/// The rules of one robots.txt that apply to us, parsed per RFC 9309: the groups naming our product token
/// (case-insensitive), else the <c>*</c> groups, combined; the longest matching Allow/Disallow wins, a tie goes to Allow.
/// </summary>
internal sealed class RobotsTxt
{
    private const string RobotsPath = "/robots.txt";

    private RobotsTxt(ImmutableArray<RobotsRule> rules) => Rules = rules;

    /// <summary>A robots.txt that allows everything: what a missing (4xx) or unreachable file means for us.</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    public ImmutableArray<RobotsRule> Rules { get; }

    /// <summary>The product token robots.txt groups name us by: "FeedHarvester" from "FeedHarvester/0.1.0 (+https://…)".</summary>
    public static string ProductTokenOf(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = userAgent.Trim();
        var end = token.IndexOfAny(['/', ' ', ';', '(']);
        return end < 0 ? token : token[..end];
    }

    public static RobotsTxt Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(productToken);
        var ours = new List<RobotsRule>();
        var anyone = new List<RobotsRule>();
        var matchesUs = false;
        var matchesAnyone = false;
        var inAgentLines = false;
        var sawOurGroup = false;
        foreach (var (key, value) in Lines(text))
        {
            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (!inAgentLines)
                {
                    // A user-agent line after rules starts a new group.
                    (matchesUs, matchesAnyone, inAgentLines) = (false, false, true);
                }

                var agent = ProductTokenOf(value);
                var isUs = agent.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                matchesUs |= isUs;
                sawOurGroup |= isUs;
                matchesAnyone |= agent == "*";
                continue;
            }

            var isAllow = key.Equals("allow", StringComparison.OrdinalIgnoreCase);
            if (!isAllow && !key.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                // Sitemap, Crawl-delay and unknown keys neither belong to a group nor end one.
                continue;
            }

            inAgentLines = false;
            if (value.Length == 0)
            {
                // "Disallow:" with no path means nothing is disallowed; an empty rule matches nothing.
                continue;
            }

            var rule = new RobotsRule(NormalizePercentEncoding(value), isAllow);
            if (matchesUs)
            {
                ours.Add(rule);
            }

            if (matchesAnyone)
            {
                anyone.Add(rule);
            }
        }

        // A group naming us replaces the * groups even when it holds no rules (then everything is allowed for us).
        return new RobotsTxt([.. sawOurGroup ? ours : anyone]);
    }

    /// <summary>True when the path (with query, percent-encoded as in a URL) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var path = NormalizePercentEncoding(pathAndQuery.Length == 0 ? "/" : pathAndQuery);
        if (path == RobotsPath)
        {
            // RFC 9309 2.2.2: /robots.txt itself is always allowed.
            return true;
        }

        RobotsRule? best = null;
        foreach (var rule in Rules)
        {
            if (rule.Matches(path)
                && (best is null || rule.Specificity > best.Specificity || (rule.Specificity == best.Specificity && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    private static IEnumerable<KeyValuePair<string, string>> Lines(string text)
    {
        foreach (var raw in text.Split(['\r', '\n']))
        {
            var comment = raw.IndexOf('#', StringComparison.Ordinal);
            var line = comment < 0 ? raw : raw[..comment];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                yield return new(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
    }

    // Patterns and URL paths are compared in one form: non-ASCII and spaces percent-encoded as UTF-8, escapes in upper case.
    private static string NormalizePercentEncoding(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                _ = builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                i += 2;
            }
            else if (c > 0x7F || c == ' ')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                {
                    _ = builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                _ = builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

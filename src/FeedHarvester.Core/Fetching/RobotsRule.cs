namespace FeedHarvester.Fetching;

/// <summary>One Allow or Disallow line of a robots.txt group; the pattern is percent-encoding normalized, with <c>*</c> and a final <c>$</c> as wildcards.</summary>
internal sealed record RobotsRule(string Pattern, bool Allow)
{
    /// <summary>How specific the rule is: RFC 9309 2.2.2 lets the match with the most octets win.</summary>
    public int Specificity => Pattern.Length;

    /// <summary>True when the pattern matches the start of <paramref name="path"/> (or all of it, with a final <c>$</c>).</summary>
    public bool Matches(string path)
    {
        var anchored = Pattern.EndsWith('$');
        var pattern = anchored ? Pattern.AsSpan(0, Pattern.Length - 1) : Pattern.AsSpan();
        int p = 0, s = 0, star = -1, starFrom = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                starFrom = s;
            }
            else if (p == pattern.Length && !anchored)
            {
                // Rules are prefixes: once the pattern is used up, the rest of the path does not matter.
                return true;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                // Let the last * swallow one more character and try again (classic wildcard backtracking).
                p = star + 1;
                s = ++starFrom;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

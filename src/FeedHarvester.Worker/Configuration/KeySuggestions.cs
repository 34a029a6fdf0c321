namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// The valid key an unknown one was most likely meant to be: a sibling spelled nearly the same (Timout, Schedulng,
/// AllowedPrivateHost) or abbreviated (DataDir), else a key of the same name in another section (Timeout directly under
/// FeedHarvester is Fetching:Timeout).
/// </summary>
internal static class KeySuggestions
{
    public static IReadOnlyList<string> For(string unknownKey, OptionsSchema schema)
    {
        var segments = unknownKey.Split(':');
        var name = segments[^1];
        var parent = segments[..^1];
        var siblings = schema.Keys
            .Where(k => k.Length == segments.Length && Matches(k[..^1], parent))
            .Select(k => (Key: k, Distance: Distance(name, k[^1])))
            .Where(s => IsClose(name, s.Key[^1], s.Distance))
            .OrderBy(s => s.Distance)
            .ToList();
        if (siblings.Count > 0)
        {
            return [Render(siblings[0].Key, segments)];
        }

        return schema.Keys
            .Where(k => k.Length > 1 && string.Equals(k[^1], name, StringComparison.OrdinalIgnoreCase))
            .Select(k => Render(k, segments))
            .ToList();
    }

    /// <summary>The valid keys directly under <paramref name="sectionKey"/>, for a message when nothing is close.</summary>
    public static IReadOnlyList<string> Under(string sectionKey, OptionsSchema schema)
    {
        var parent = sectionKey.Split(':');
        return schema.Keys.Where(k => k.Length == parent.Length + 1 && Matches(k[..^1], parent)).Select(k => k[^1]).ToList();
    }

    /// <summary>Edit distance (insertions, deletions, substitutions), ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    // A third of the shorter name's letters wrong, or one name the start of the other (DataDir for DataDirectory).
    private static bool IsClose(string name, string candidate, int distance) =>
        distance <= Math.Max(1, Math.Min(name.Length, candidate.Length) / 3)
        || (Math.Min(name.Length, candidate.Length) >= 4
            && (candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)));

    private static bool Matches(string[] template, string[] path) =>
        template.Length == path.Length
        && template.Zip(path).All(p => p.First == OptionsSchema.AnyIndex
            ? int.TryParse(p.Second, out _)
            : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    // The schema's own spelling, with the list indexes the operator wrote.
    private static string Render(string[] key, string[] segments) =>
        string.Join(':', key.Select((s, i) => s == OptionsSchema.AnyIndex ? IndexAt(segments, i) : s));

    private static string IndexAt(string[] segments, int position) =>
        position < segments.Length && int.TryParse(segments[position], out _) ? segments[position] : "0";
}

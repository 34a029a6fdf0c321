namespace FeedHarvester.NearDup;

/// <summary>
/// URLs compared the way newsfarm's score compares them: scheme and host lower-cased, fragment dropped, utm_* and the
/// click ids (fbclid, gclid, mc_cid, mc_eid) removed from the query, an empty path as "/".
/// </summary>
public static class FarmUrl
{
    private static readonly HashSet<string> ClickIds = new(StringComparer.OrdinalIgnoreCase) { "fbclid", "gclid", "mc_cid", "mc_eid" };

    public static string Normalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Trim();
        if (rest.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0)
        {
            rest = rest[..hash];
        }

        var scheme = "";
        if (rest.IndexOf("://", StringComparison.Ordinal) is var colon and > 0)
        {
            scheme = rest[..colon].ToLowerInvariant() + "://";
            rest = rest[(colon + 3)..];
        }

        var hostEnd = rest.IndexOfAny(['/', '?']);
        var host = (hostEnd < 0 ? rest : rest[..hostEnd]).ToLowerInvariant();
        rest = hostEnd < 0 ? "" : rest[hostEnd..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rest : rest[..queryStart];
        var query = queryStart < 0 ? "" : string.Join('&', rest[(queryStart + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' ')))));
        return scheme + host + (path.Length == 0 ? "/" : path) + (query.Length == 0 ? "" : "?" + query);
    }

    private static bool IsTracking(string key) =>
        key.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || ClickIds.Contains(key);
}

namespace FeedHarvester.Tests.Support;

/// <summary>One request as a <see cref="LoopbackServer"/> received it.</summary>
/// <param name="Method">GET, HEAD, …</param>
/// <param name="Target">The request target as sent: path and query.</param>
/// <param name="Headers">Header names in lower case; repeated headers joined with ", ".</param>
public sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?', 2)[0];

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

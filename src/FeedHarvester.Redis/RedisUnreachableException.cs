namespace FeedHarvester.Redis;

/// <summary>No Redis answered at the configured address: a service waits for it, a single run (or a tail just started) cannot.</summary>
public sealed class RedisUnreachableException(string endpoints, string reason)
    : Exception($"Redis at {endpoints} is unreachable ({reason}): start Redis there, or correct FeedHarvester:Redis:Configuration (--redis)")
{
    public string Endpoints { get; } = endpoints;
}

namespace FeedHarvester.Redis;

/// <summary>Redis answered but refused the configured credentials: a configuration error, not an outage to wait out.</summary>
public sealed class RedisAuthenticationException(string endpoints)
    : Exception($"Redis at {endpoints} refused authentication: check {RedisAuthentication.OptionHint}; the server needs a password, or a different one")
{
    public string Endpoints { get; } = endpoints;
}

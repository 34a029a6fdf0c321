namespace FeedHarvester.Fetching;

/// <summary>An environment variable about proxies that cannot be used: its name, and what is wrong with it (no password in it).</summary>
public sealed record ProxyVariableError(string Variable, string Message);

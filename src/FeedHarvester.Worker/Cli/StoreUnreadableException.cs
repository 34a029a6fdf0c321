namespace FeedHarvester.Worker.Cli;

/// <summary>The store <c>status</c> should read is not there or not usable; the message says which and why.</summary>
internal sealed class StoreUnreadableException(string message) : Exception(message);

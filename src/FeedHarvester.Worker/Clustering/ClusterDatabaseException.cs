namespace FeedHarvester.Worker.Clustering;

/// <summary>The cluster's database cannot be used; the message is the one line the worker prints before it exits.</summary>
internal sealed class ClusterDatabaseException(ClusterDatabaseFault fault, string message, Exception? inner = null) : Exception(message, inner)
{
    public ClusterDatabaseFault Fault { get; } = fault;
}

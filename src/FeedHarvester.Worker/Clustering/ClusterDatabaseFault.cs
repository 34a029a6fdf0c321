namespace FeedHarvester.Worker.Clustering;

/// <summary>Why the cluster's database cannot be used at start-up.</summary>
internal enum ClusterDatabaseFault
{
    /// <summary>PostgreSQL does not answer, or refuses the connection (host, port, database, credentials).</summary>
    Unreachable,

    /// <summary>The Quartz tables were created or migrated by a newer FeedHarvester than this one.</summary>
    SchemaTooNew,
}

namespace FeedHarvester.Pipeline;

/// <summary>A change of a feed's standing worth one log line of its own.</summary>
public enum StateTransition
{
    None,

    /// <summary>The feed answered 410: it is no longer polled.</summary>
    Gone,

    /// <summary>The feed failed with 404 too often in a row: flagged broken, polled rarely.</summary>
    Broken,

    /// <summary>A broken feed answered again.</summary>
    Recovered,

    /// <summary>The feed's permanent redirect was seen stable: it is now fetched from the new URL.</summary>
    Moved,
}

namespace FeedHarvester.Fetching;

public enum FetchStatus
{
    /// <summary>A body arrived.</summary>
    Content,

    /// <summary>304: nothing changed since the validators we sent.</summary>
    NotModified,

    /// <summary>No content; see <see cref="FetchResult.TryGetFailure"/>.</summary>
    Failure,
}

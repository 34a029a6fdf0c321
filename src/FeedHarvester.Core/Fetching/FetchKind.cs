namespace FeedHarvester.Fetching;

public enum FetchKind
{
    Feed,
    Page,
}

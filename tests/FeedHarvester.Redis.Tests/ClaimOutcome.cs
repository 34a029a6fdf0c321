namespace FeedHarvester.Redis.Tests;

/// <summary>What one claim attempt came to, as the restart test records it.</summary>
internal enum ClaimOutcome
{
    New,
    Duplicate,
    Failed,
}

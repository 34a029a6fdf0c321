using FeedHarvester.Feeds;

namespace FeedHarvester.Tests.Feeds;

/// <summary>The furthest ahead a next poll may be: what a clock that jumped forward and back is held to.</summary>
public sealed class PollScheduleLongestWaitTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedDefinition Feed = new(new Uri("http://127.0.0.1/feed.xml"));

    private static readonly SchedulingOptions Options = new()
    {
        DefaultInterval = TimeSpan.FromMinutes(15),
        MaxBackoff = TimeSpan.FromHours(6),
        MaxInterval = TimeSpan.FromHours(1),
        JitterFraction = 0.1,
    };

    [Fact]
    public void LongestWait_Defaults_MaxBackoffPlusJitter()
    {
        var schedule = new PollSchedule(Options, () => 0.5) { LongestRetryAfter = TimeSpan.FromHours(2) };

        Assert.Equal(TimeSpan.FromHours(6.6), schedule.LongestWait(Feed));
    }

    [Fact]
    public void LongestWait_PinnedIntervalLongerThanMaxBackoff_KeepsTheInterval()
    {
        var schedule = new PollSchedule(Options, () => 0.5) { LongestRetryAfter = TimeSpan.FromHours(2) };

        Assert.Equal(TimeSpan.FromHours(26.4), schedule.LongestWait(Feed with { Interval = TimeSpan.FromHours(24) }));
    }

    [Fact]
    public void LongestWait_RetryAfterLongerThanMaxBackoff_KeepsTheRetryAfter()
    {
        var schedule = new PollSchedule(Options, () => 0.5) { LongestRetryAfter = TimeSpan.FromHours(12) };

        Assert.Equal(TimeSpan.FromHours(13.2), schedule.LongestWait(Feed));
    }

    [Fact]
    public void IsWithinLongestWait_AtTheLimit_True_OneTickBeyond_False()
    {
        var schedule = new PollSchedule(Options, () => 0.5);
        var limit = Now + schedule.LongestWait(Feed);

        Assert.True(schedule.IsWithinLongestWait(Feed, limit, Now));
        Assert.False(schedule.IsWithinLongestWait(Feed, limit.AddTicks(1), Now));
    }

    [Fact]
    public void Cap_AYearAhead_BroughtBackToTheLongestWait_SoonerKept()
    {
        var schedule = new PollSchedule(Options, () => 0.5);

        Assert.Equal(Now + TimeSpan.FromHours(6.6), schedule.Cap(Feed, Now.AddYears(1), Now));
        Assert.Equal(Now.AddHours(1), schedule.Cap(Feed, Now.AddHours(1), Now));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void NextAfterFailure_ManyErrorsAndTheLongestRetryAfter_NeverBeyondTheLongestWait(double random)
    {
        var schedule = new PollSchedule(Options, () => random);

        Assert.True(schedule.IsWithinLongestWait(Feed, schedule.NextAfterFailure(Feed, Now, 1000, null), Now));
        Assert.True(schedule.IsWithinLongestWait(Feed, schedule.NextAfterFailure(Feed, Now, 1, schedule.LongestRetryAfter), Now));
    }
}

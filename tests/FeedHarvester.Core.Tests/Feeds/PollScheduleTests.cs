using FeedHarvester.Feeds;

namespace FeedHarvester.Tests.Feeds;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedDefinition Feed = new(new Uri("http://127.0.0.1/feed.xml"));

    [Theory]
    [InlineData(0.0, -90)]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 90)]
    public void NextAfterSuccess_Jitter_MovesByUpToTheFractionOfTheInterval(double random, int expectedOffsetSeconds)
    {
        var schedule = new PollSchedule(new SchedulingOptions { DefaultInterval = TimeSpan.FromMinutes(15), JitterFraction = 0.1 }, () => random);

        var next = schedule.NextAfterSuccess(Feed, Now);

        Assert.Equal(Now + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(expectedOffsetSeconds), next);
    }

    [Fact]
    public void NextAfterSuccess_FeedOwnInterval_OverridesTheDefault()
    {
        var schedule = new PollSchedule(new SchedulingOptions { JitterFraction = 0 }, () => 0.5);

        var next = schedule.NextAfterSuccess(Feed with { Interval = TimeSpan.FromHours(2) }, Now);

        Assert.Equal(Now.AddHours(2), next);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(6, 360)]
    [InlineData(30, 360)]
    public void NextAfterFailure_ConsecutiveErrors_BackOffExponentiallyToTheCap(int errors, int expectedMinutes)
    {
        var schedule = new PollSchedule(new SchedulingOptions { JitterFraction = 0, MaxBackoff = TimeSpan.FromHours(6) }, () => 0.5);

        var next = schedule.NextAfterFailure(Feed, Now, errors, retryAfter: null);

        Assert.Equal(Now.AddMinutes(expectedMinutes), next);
    }

    [Fact]
    public void NextAfterFailure_RetryAfterLongerThanBackoff_WaitsForRetryAfter()
    {
        var schedule = new PollSchedule(new SchedulingOptions { JitterFraction = 0 }, () => 0.5);

        var next = schedule.NextAfterFailure(Feed, Now, 1, retryAfter: TimeSpan.FromHours(1));

        Assert.Equal(Now.AddHours(1), next);
    }

    [Fact]
    public void FirstPoll_Spread_StaysWithinTheSpread()
    {
        var schedule = new PollSchedule(new SchedulingOptions(), () => 0.999);

        var first = schedule.FirstPoll(Feed, Now, TimeSpan.FromSeconds(30));

        Assert.InRange(first, Now, Now.AddSeconds(30));
    }
}

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

        var next = schedule.NextAfterSuccess(schedule.IntervalOf(Feed), Now);

        Assert.Equal(Now + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(expectedOffsetSeconds), next);
    }

    [Fact]
    public void NextAfterSuccess_FeedOwnInterval_OverridesTheDefault()
    {
        var schedule = new PollSchedule(new SchedulingOptions { JitterFraction = 0 }, () => 0.5);

        var next = schedule.NextAfterSuccess(schedule.IntervalOf(Feed with { Interval = TimeSpan.FromHours(2) }), Now);

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

public sealed class PollScheduleAdaptiveTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedDefinition Feed = new(new Uri("http://127.0.0.1/feed.xml"));

    private static readonly SchedulingOptions Options = new()
    {
        RhythmWindow = TimeSpan.FromDays(7),
        MinInterval = TimeSpan.FromMinutes(5),
        MaxInterval = TimeSpan.FromHours(6),
    };

    private static FeedRhythm EntriesPerDay(double perDay, TimeSpan? hint = null)
    {
        var count = (int)(perDay * 7);
        return new FeedRhythm(Enumerable.Range(0, count).Select(i => Now - (TimeSpan.FromDays(7) * i / count)).ToList(), hint);
    }

    [Fact]
    public void ChooseInterval_TwentyFourEntriesADay_PollsHourly() =>
        Assert.Equal(TimeSpan.FromHours(1), new PollSchedule(Options).ChooseInterval(Feed, EntriesPerDay(24), Now));

    [Fact]
    public void ChooseInterval_VeryBusyFeed_ClampedToTheMinimum() =>
        Assert.Equal(TimeSpan.FromMinutes(5), new PollSchedule(Options).ChooseInterval(Feed, EntriesPerDay(1000), Now));

    [Fact]
    public void ChooseInterval_NothingInTheWindow_LongestInterval() =>
        Assert.Equal(TimeSpan.FromHours(6), new PollSchedule(Options).ChooseInterval(Feed, new FeedRhythm([Now.AddDays(-30)], null), Now));

    [Fact]
    public void ChooseInterval_FutureDatedEntries_DoNotCount() =>
        Assert.Equal(TimeSpan.FromHours(6), new PollSchedule(Options).ChooseInterval(Feed, new FeedRhythm([Now.AddHours(1), Now.AddHours(2)], null), Now));

    [Fact]
    public void ChooseInterval_PublisherAsksForLonger_RaisedToTheHint() =>
        Assert.Equal(TimeSpan.FromHours(2), new PollSchedule(Options).ChooseInterval(Feed, EntriesPerDay(24, TimeSpan.FromHours(2)), Now));

    [Fact]
    public void ChooseInterval_HintBeyondTheMaximum_ClampedToTheMaximum() =>
        Assert.Equal(TimeSpan.FromHours(6), new PollSchedule(Options).ChooseInterval(Feed, EntriesPerDay(24, TimeSpan.FromDays(2)), Now));

    [Fact]
    public void ChooseInterval_FeedPinsItsInterval_RhythmIgnored() =>
        Assert.Equal(TimeSpan.FromMinutes(1), new PollSchedule(Options).ChooseInterval(Feed with { Interval = TimeSpan.FromMinutes(1) }, EntriesPerDay(24), Now));

    [Fact]
    public void ChooseInterval_AdaptiveOff_DefaultInterval()
    {
        var options = new SchedulingOptions { Adaptive = false, DefaultInterval = TimeSpan.FromMinutes(20) };

        Assert.Equal(TimeSpan.FromMinutes(20), new PollSchedule(options).ChooseInterval(Feed, EntriesPerDay(24), Now));
    }

    [Fact]
    public void FeedRhythm_Longest_IgnoresMissingAndNonPositiveHints() =>
        Assert.Equal(TimeSpan.FromMinutes(30), FeedRhythm.Longest(null, TimeSpan.FromMinutes(30), TimeSpan.Zero, TimeSpan.FromMinutes(10)));
}

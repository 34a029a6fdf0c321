using FeedHarvester.Pipeline;
using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Pipeline;

public sealed class StoreOutageLogTests
{
    private const int PollNotRunEvent = 109;
    private const int PollsCannotRunEvent = 115;
    private const int PollsRunAgainEvent = 116;

    [Fact]
    public void NotRun_ManyFeedsManyTimes_OneWarningThenOneLineWhenPollsRunAgain()
    {
        using var logs = new CapturingLoggerFactory();
        var time = new FakeTimeProvider();
        var outages = new StoreOutageLog(logs.CreateLogger("poller"), time);

        for (var round = 0; round < 3; round++)
        {
            for (var feed = 0; feed < 30; feed++)
            {
                outages.NotRun($"http://127.0.0.1:1/{feed}.xml", "It was not possible to connect to the redis server(s)");
            }

            time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.True(outages.Failing);
        outages.Ran();
        outages.Ran();

        Assert.Equal(1, logs.Count(PollsCannotRunEvent));
        Assert.Equal(1, logs.Count(PollsRunAgainEvent));
        Assert.Equal(90, logs.Count(PollNotRunEvent));
        Assert.All(logs.Entries.Where(e => e.EventId.Id == PollNotRunEvent), e => Assert.Equal(LogLevel.Debug, e.Level));
        var again = Assert.Single(logs.Entries, e => e.EventId.Id == PollsRunAgainEvent);
        Assert.Equal("Polls reach the store again after 60 s (90 poll attempts could not run meanwhile)", again.Message);
        Assert.False(outages.Failing);
    }

    [Fact]
    public void NotRun_StoreReportsItsOwnChanges_OnlyDebugLines()
    {
        using var logs = new CapturingLoggerFactory();
        var outages = new StoreOutageLog(logs.CreateLogger("poller"), new FakeTimeProvider(), logsChanges: false);

        outages.NotRun("http://127.0.0.1:1/a.xml", "down");
        outages.Ran();

        Assert.All(logs.Entries, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Equal(1, logs.Count(PollNotRunEvent));
    }

    [Fact]
    public void Ran_NoOutage_LogsNothing()
    {
        using var logs = new CapturingLoggerFactory();
        var outages = new StoreOutageLog(logs.CreateLogger("poller"), new FakeTimeProvider());

        outages.Ran();

        Assert.Empty(logs.Entries);
    }
}

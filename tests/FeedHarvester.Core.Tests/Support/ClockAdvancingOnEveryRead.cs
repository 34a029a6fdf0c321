namespace FeedHarvester.Tests.Support;

/// <summary>A clock that moves on by a fixed step every time it is read, so a budget runs out after a known number of checks.</summary>
internal sealed class ClockAdvancingOnEveryRead(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}

using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

public sealed class PooledBufferTests
{
    [Fact]
    public void ToArray_AfterGrowingManyTimes_HoldsEveryByteInOrderAndNothingElse()
    {
        using var buffer = new PooledBuffer(initialCapacity: 16);
        var written = 0;
        while (written < 100_000)
        {
            var space = buffer.FreeSpace(most: 7_000).Span;
            var count = Math.Min(space.Length, 100_000 - written);
            for (var i = 0; i < count; i++)
            {
                space[i] = (byte)((written + i) % 251);
            }

            buffer.Advance(count);
            written += count;
        }

        var bytes = buffer.ToArray();

        Assert.Equal(100_000, bytes.Length);
        Assert.All(Enumerable.Range(0, bytes.Length), i => Assert.Equal((byte)(i % 251), bytes[i]));
    }

    [Fact]
    public void Detach_HandsOverTheBytesWrittenAndLeavesTheBufferEmpty()
    {
        using var buffer = new PooledBuffer(initialCapacity: 16);
        var space = buffer.FreeSpace(most: 5).Span;
        "abcde"u8.CopyTo(space);
        buffer.Advance(5);

        using var lent = buffer.Detach();

        Assert.Equal("abcde"u8.ToArray(), lent.Memory.ToArray());
        Assert.Equal(0, buffer.Length);
        Assert.Empty(buffer.ToArray());
    }

    [Fact]
    public void FreeSpace_NeverOffersMoreThanAsked()
    {
        using var buffer = new PooledBuffer(initialCapacity: 1 << 20);

        Assert.Equal(4_096, buffer.FreeSpace(most: 4_096).Length);
    }

    [Fact]
    public void Advance_PastTheSpaceOffered_Throws()
    {
        using var buffer = new PooledBuffer(initialCapacity: 16);
        var offered = buffer.FreeSpace(most: 1_000_000).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(offered + 1));
    }
}

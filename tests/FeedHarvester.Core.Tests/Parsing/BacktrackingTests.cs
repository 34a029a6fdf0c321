using System.Text;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

/// <summary>Patterns applied to feed text finish in time proportional to it, whatever the text (fuzz findings).</summary>
public sealed class BacktrackingTests
{
    // Far beyond any linear run on this input (a millisecond); an exponential one would not end in years.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static string Attributes(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            _ = builder.Append(" a").Append(i).Append("=\"v\"");
        }

        return builder.ToString();
    }

    [Fact]
    public async Task Read_TagCutOffBeforeItsEndAfterManyAttributes_FinishesAndKeepsTheTextBefore()
    {
        var soup = "<rss><channel><title>Kept</title><item" + Attributes(60);

        var root = await Task.Run(() => TagSoupReader.Read(soup)).WaitAsync(Bound);

        Assert.Equal("Kept", root?.Element("channel")?.Element("title")?.Value);
    }

    [Fact]
    public void Read_TagWithQuotedSingleQuotedAndBareValues_KeepsEveryAttribute()
    {
        var root = TagSoupReader.Read("<rss><channel a=\"1\" b='2' c=3 d><title>T</title></channel></rss>");

        var channel = root?.Element("channel");
        Assert.NotNull(channel);
        Assert.Equal(["1", "2", "3", ""], new[] { "a", "b", "c", "d" }.Select(name => channel.Attribute(name)?.Value));
    }

    [Fact]
    public async Task Clean_ValueLongerThanAnyNameWithAddress_IsKeptWithoutTryingThePatterns()
    {
        var hostile = new string('@', AuthorName.MaxPatternLength * 400) + " <x";

        var clean = await Task.Run(() => AuthorName.Clean(hostile)).WaitAsync(Bound);

        Assert.Equal(hostile, clean);
    }

    [Theory]
    [InlineData("Jane Doe <jane@example.com>", "Jane Doe")]
    [InlineData("jane@example.com (Jane Doe)", "Jane Doe")]
    public void Clean_NameWithAddressWithinTheLimit_GivesTheName(string value, string name) =>
        Assert.Equal(name, AuthorName.Clean(value));
}

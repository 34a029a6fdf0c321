using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Tests.Settings;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("30m", 1_800_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("2H", 7_200_000)]
    [InlineData("0.5m", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("0s", 0)]
    [InlineData("00:15:00", 900_000)]
    [InlineData("1.12:00:00", 129_600_000)]
    [InlineData(" 15m ", 900_000)]
    public void TryParse_OperatorSpellings_Read(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value, out var problem), problem);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Fact]
    public void TryParse_BareNumber_RefusedShowingBothReadings()
    {
        Assert.False(Duration.TryParse("30", out _, out var problem));

        Assert.Equal("'30' has no unit: write 30s for 30 seconds or 30d for 30 days (a duration such as 30s, 15m, 2h, 1d or 00:15:00)", problem);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5m")]
    [InlineData("5 minutes")]
    [InlineData("-00:05:00")]
    [InlineData("99999999999d")]
    [InlineData("")]
    public void TryParse_Nonsense_RefusedQuotingTheText(string text)
    {
        Assert.False(Duration.TryParse(text, out _, out var problem));
        Assert.Contains(text.Length == 0 ? "is empty" : $"'{text}'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "90s")]
    [InlineData(900_000, "15m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(86_400_000, "1d")]
    [InlineData(1_500, "1500ms")]
    public void Format_ShortestSpelling_ReadsBackTheSame(long milliseconds, string text)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(text, Duration.Format(value));
        Assert.True(Duration.TryParse(Duration.Format(value), out var back, out _));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1_000, true)]
    [InlineData(600_000, true)]
    [InlineData(600_001, false)]
    public void DurationRange_AtAndPastEachBound(long milliseconds, bool valid)
    {
        var range = new DurationRangeAttribute("1s", "10m");

        Assert.Equal(valid, range.IsValid(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal("X.Timeout: must be from 1s to 10m", range.FormatErrorMessage("X.Timeout"));
    }

    [Fact]
    public void Between_MessageNamesThePathAndTheBounds()
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(new object()) { DisplayName = "FeedHarvester.Fetching.MaxRedirects", MemberName = "MaxRedirects" };

        Assert.False(Validator.TryValidateValue(11, context, results, [new BetweenAttribute(0, 10)]));

        Assert.Equal("FeedHarvester.Fetching.MaxRedirects: must be from 0 to 10", Assert.Single(results).ErrorMessage);
    }
}

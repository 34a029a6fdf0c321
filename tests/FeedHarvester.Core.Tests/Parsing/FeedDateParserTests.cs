using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 UT", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 Z", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 +0000", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 05:45:01 +0545", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 14:30:01 -0930", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 19:00:01 EST", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 20:00:01 EDT", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 18:00:01 CST", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 19:00:01 CDT", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 17:00:01 MST", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 18:00:01 MDT", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 16:00:01 PST", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 17:00:01 PDT", "2002-09-07T00:00:01Z")]
    [InlineData("Fri, 06 Sep 2002 23:00:01 A", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 01:00:01 N", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 7 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("7 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("Tue, 07 Sep 99 00:00:01 GMT", "1999-09-07T00:00:01Z")]
    [InlineData("Sat, 07 September 2002 00:00 GMT", "2002-09-07T00:00:00Z")]
    [InlineData("Sat, 07 Sep 2002", "2002-09-07T00:00:00Z")]
    [InlineData("Sat Sep  7 00:00:01 2002", "2002-09-07T00:00:01Z")]
    public void Parse_Rfc822Variants_ConvertsToUtc(string input, string expectedUtc) =>
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), FeedDateParser.Parse(input));

    [Theory]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55.123Z", "2003-12-31T10:14:55.123Z")]
    [InlineData("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z")]
    [InlineData("2003-12-31T10:14:55+05:45", "2003-12-31T04:29:55Z")]
    [InlineData("2003-12-31T10:14:55+0100", "2003-12-31T09:14:55Z")]
    [InlineData("2003-12-31T10:14-05:00", "2003-12-31T15:14:00Z")]
    [InlineData("2003-12-31T10:14:55", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00Z")]
    [InlineData("2003-12", "2003-12-01T00:00:00Z")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31 10:14:55Z", "2003-12-31T10:14:55Z")]
    public void Parse_Iso8601Variants_ConvertsToUtc(string input, string expectedUtc) =>
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), FeedDateParser.Parse(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("Sat, 32 Sep 2002 00:00:01 GMT")]
    [InlineData("Sat, 07 Foo 2002 00:00:01 GMT")]
    [InlineData("2003-13-01T00:00:00Z")]
    [InlineData("2003-02-30")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 XYZ")]
    [InlineData("2003-12-31T10:14:55+99:00")]
    public void Parse_Unparseable_ReturnsNull(string? input) => Assert.Null(FeedDateParser.Parse(input));

    [Fact]
    public void Parse_AnyInput_ResultIsUtc() =>
        Assert.Equal(TimeSpan.Zero, FeedDateParser.Parse("Fri, 06 Sep 2002 16:00:01 PST")!.Value.Offset);
}

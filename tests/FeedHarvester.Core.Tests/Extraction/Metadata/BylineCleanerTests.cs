using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Extraction.Metadata;

/// <summary>Each rule of the byline cleaner, one shape per case (issue 18).</summary>
public sealed class BylineCleanerTests
{
    [Theory]
    [InlineData("Jane Doe —", "Jane Doe")]
    [InlineData("Jane Doe - Apr 16, 2015 8:02 pm UTC", "Jane Doe")]
    [InlineData("Jane Doe January 18, 2017 11:00 PM PST @janedoe", "Jane Doe")]
    [InlineData("por María López", "María López")]
    [InlineData("Von Hans Müller", "Hans Müller")]
    [InlineData("par Jean Dupont", "Jean Dupont")]
    [InlineData("Written by: Jane Doe", "Jane Doe")]
    [InlineData("Post by galitsyn » Tue Mar 03, 2020", "galitsyn")]
    [InlineData("Jane Doe, Senior Staff Technologist, Example Foundation", "Jane Doe")]
    [InlineData("drat 1,655 gold badges", "drat")]
    [InlineData("user3080392", "user3080392")]
    [InlineData("amondale (Amondale)", "amondale")]
    [InlineData("\"David Kim\"", "David Kim")]
    [InlineData("Jane Doe and John Roe", "Jane Doe, John Roe")]
    [InlineData("Jane Doe & John Roe; Ann Poe", "Jane Doe, John Roe, Ann Poe")]
    [InlineData("Mike Marshall, Shipping Expert", "Mike Marshall")]
    public void Names_BylineShape_KeepsOnlyTheNames(string raw, string expected)
    {
        Assert.Equal(expected, BylineCleaner.Join(BylineCleaner.Names(raw)));
    }

    [Theory]
    [InlineData("By")]
    [InlineData("Written by")]
    [InlineData("Author")]
    [InlineData("undefined")]
    [InlineData("More about this author")]
    [InlineData("@janedoe")]
    [InlineData("https://example.com/jane")]
    [InlineData("content: Example, design: Someone")]
    [InlineData("Sat")]
    [InlineData("The Daily Example")]
    public void Names_ValueNamingNoPerson_IsEmpty(string raw)
    {
        Assert.Empty(BylineCleaner.Names(raw));
    }

    [Fact]
    public void Names_SiteNameAsAuthor_IsNotAPerson()
    {
        Assert.Empty(BylineCleaner.Names("Example Clinic", siteName: "Example Clinic"));
    }
}

using FeedHarvester.Html;

namespace FeedHarvester.Tests.Html;

/// <summary>
/// The plain-text rendering rules, one golden pair per rule in TestData/text: &lt;rule&gt;.html and the exact text
/// expected of it in &lt;rule&gt;.txt (written by hand; a change to a rule shows as a diff of its .txt).
/// </summary>
public sealed class HtmlTextGoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "text");

    public static TheoryData<string> Rules()
    {
        var rules = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.html").Order(StringComparer.Ordinal))
        {
            rules.Add(Path.GetFileNameWithoutExtension(file));
        }

        return rules;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ToPlainText_GoldenFixture_GivesTheExpectedText(string rule)
    {
        var html = File.ReadAllText(Path.Combine(Folder, rule + ".html"));
        var expected = File.ReadAllText(Path.Combine(Folder, rule + ".txt"));

        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Rules_EveryRuleOfTheIssueHasAFixture()
    {
        var rules = Directory.GetFiles(Folder, "*.html").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["block-boundaries", "entities", "invisible-characters", "line-breaks", "lists", "ruby", "tables"], rules);
    }
}

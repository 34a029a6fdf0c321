using System.Text;
using FeedHarvester.Normalization;

namespace FeedHarvester.Local.Tests;

/// <summary>Reads the JSON-lines output back strictly: every line must be a complete, valid record.</summary>
internal static class OutputFile
{
    public static IReadOnlyList<Article> ReadRecords(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "output must end with a newline");
        return text.Split('\n', StringSplitOptions.None)[..^1].Select(ArticleJson.Deserialize).ToList();
    }

    public static IReadOnlyList<string> ReadIds(string path) => ReadRecords(path).Select(article => article.Id).ToList();

    public static IReadOnlyList<string> Ids(IEnumerable<int> numbers) => numbers.Select(n => TestArticles.Create(n).Id).ToList();
}

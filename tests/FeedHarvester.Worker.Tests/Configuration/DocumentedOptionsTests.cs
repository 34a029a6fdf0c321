using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Tests.Configuration;

/// <summary>appsettings.example.json lists every option with its default, and the README's configuration table names every option.</summary>
public sealed class DocumentedOptionsTests
{
    private static readonly OptionsSchema Schema = OptionsSchema.For(typeof(HarvesterOptions), HarvesterOptions.SectionName);

    [Fact]
    public void Example_BindsWithoutAnErrorAndEveryValueIsTheDefault()
    {
        var loaded = SettingsLoader.Load(ConfigurationLoader.Load(Path.Combine(RepositoryRoot(), "appsettings.example.json"), new Dictionary<string, string?>()));

        Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors));
        Assert.Equal(SettingsLoader.Snapshot(new HarvesterOptions()), SettingsLoader.Snapshot(loaded.Options));
    }

    [Fact]
    public void Example_ListsEveryOption()
    {
        var configuration = ConfigurationLoader.Load(Path.Combine(RepositoryRoot(), "appsettings.example.json"), new Dictionary<string, string?>());
        var written = configuration.AsEnumerable()
            .Select(pair => string.Join(':', pair.Key.Split(':').Select(s => int.TryParse(s, out _) ? OptionsSchema.AnyIndex : s)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = Options().Where(key => !written.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "not in appsettings.example.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Readme_ConfigurationTableNamesEveryOption()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        var missing = Options().Where(key => !key.StartsWith("FeedHarvester:Feeds:", StringComparison.Ordinal) && !readme.Contains($"| `{key}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in the README's table: " + string.Join(", ", missing));
    }

    // Every key an operator can set (a list's elements count as the list).
    private static List<string> Options() =>
        Schema.Keys
            .Where(k => k.Length > 2 || k is [_, "Feeds" or "FeedsFile"])
            .Where(k => !Schema.Keys.Any(other => other.Length == k.Length + 1 && other.Take(k.Length).SequenceEqual(k) && other[^1] != OptionsSchema.AnyIndex))
            .Select(k => string.Join(':', k))
            .Where(k => !k.EndsWith(':' + OptionsSchema.AnyIndex, StringComparison.Ordinal))
            .ToList();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeedHarvester.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("no FeedHarvester.sln above " + AppContext.BaseDirectory);
    }
}

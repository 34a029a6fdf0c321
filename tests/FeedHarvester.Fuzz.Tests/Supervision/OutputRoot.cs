namespace FeedHarvester.Fuzz.Supervision;

/// <summary>Where the harness writes: artifacts/fuzz/ of the checkout (ignored by git), else the temp folder.</summary>
internal static class OutputRoot
{
    /// <summary>The checkout this program was built from (the folder holding FeedHarvester.sln), or null.</summary>
    public static string? Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string For(string name) => Repository() is { } root
        ? Path.Combine(root, "artifacts", "fuzz", name)
        : Path.Combine(Path.GetTempPath(), "feedharvester-fuzz", name);

    /// <summary>tests/FeedHarvester.Fuzz.Tests/Findings of the checkout, where adopted findings go.</summary>
    public static string Findings() =>
        Path.Combine(Repository() ?? throw new InvalidOperationException("not run from a checkout: give --to DIR"),
            "tests", "FeedHarvester.Fuzz.Tests", "Findings");
}

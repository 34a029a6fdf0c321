namespace FeedHarvester.NearDup;

/// <summary>Where the project's fixtures and the shared DEV pages are, found by walking up to the folder holding FeedHarvester.sln.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("FeedHarvester.sln not found above the current directory; run from the repository.");
    }

    /// <summary>The hand-written stories used by the near-duplicate unit tests.</summary>
    public static string Stories() => Path.Combine(Root(), "tests", "FeedHarvester.Core.Tests", "TestData", "stories");

    /// <summary>The golden extraction pages, each with its expected body text.</summary>
    public static string GoldenPages() => Path.Combine(Root(), "tests", "FeedHarvester.Core.Tests", "TestData", "pages");

    /// <summary>The shared DEV pages with hand-made ground-truth bodies (absent outside the development setup).</summary>
    public static string DevPages() => Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data", "article-extraction"));
}

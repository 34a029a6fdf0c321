namespace FeedHarvester.Conformance;

/// <summary>Finds the shared corpus: ../shared/data/feeds next to the folder that holds FeedHarvester.sln.</summary>
internal static class CasesLocator
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
                {
                    var cases = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "feeds"));
                    if (Directory.Exists(cases))
                    {
                        return cases;
                    }
                }
            }
        }

        return null;
    }
}

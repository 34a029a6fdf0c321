namespace FeedHarvester.Fuzz.Supervision;

/// <summary>Where findings go by default: artifacts/fuzz/ of the checkout (ignored by git), else the temp folder.</summary>
internal static class OutputRoot
{
    public static string For(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "fuzz", name);
            }
        }

        return Path.Combine(Path.GetTempPath(), "feedharvester-fuzz", name);
    }
}

namespace FeedHarvester.Eval;

/// <summary>Command line: [--data DIR] [--out predictions.json] [--worst N].</summary>
public sealed record EvalOptions(string DataDir, string? OutFile, int Worst)
{
    public static EvalOptions Parse(string[] args)
    {
        string? data = null;
        string? output = null;
        var worst = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--worst" when i + 1 < args.Length:
                    worst = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--data DIR] [--out predictions.json] [--worst N]");
            }
        }

        return new EvalOptions(data ?? DefaultDataDir(), output, worst);
    }

    /// <summary>../shared/data/article-extraction next to the folder holding FeedHarvester.sln.</summary>
    private static string DefaultDataDir()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "article-extraction"));
                }
            }
        }

        throw new DirectoryNotFoundException("FeedHarvester.sln not found above the current directory; pass --data DIR.");
    }
}

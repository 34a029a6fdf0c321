using System.Globalization;

namespace FeedHarvester.Eval;

/// <summary>
/// Command line: [--data DIR] [--out predictions.json] [--worst N] [--baseline FILE] [--update-baseline]
/// [--allow-regression].
/// </summary>
public sealed record EvalOptions(string DataDir, string? OutFile, int Worst, string BaselineFile, bool UpdateBaseline,
    bool AllowRegression)
{
    private const string Usage =
        "Usage: [--data DIR] [--out predictions.json] [--worst N] [--baseline FILE] [--update-baseline] [--allow-regression]";

    public static EvalOptions Parse(string[] args)
    {
        string? data = null;
        string? output = null;
        string? baseline = null;
        var worst = 10;
        var update = false;
        var allowRegression = false;
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
                    worst = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--baseline" when i + 1 < args.Length:
                    baseline = args[++i];
                    break;
                case "--update-baseline":
                    update = true;
                    break;
                case "--allow-regression":
                    allowRegression = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        var repo = data is null || baseline is null ? RepositoryRoot() : "";
        return new EvalOptions(
            data ?? Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "article-extraction")),
            output, worst,
            baseline ?? Path.Combine(repo, "bench", "FeedHarvester.Eval", "eval-baseline.json"),
            update, allowRegression);
    }

    /// <summary>The folder holding FeedHarvester.sln, found from the current directory or the binary.</summary>
    private static string RepositoryRoot()
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
}

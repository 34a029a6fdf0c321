using System.Globalization;

namespace FeedHarvester.Eval;

/// <summary>
/// Command line: [--data DIR]... [--out predictions.json] [--worst N] [--misses N] [--metadata-only] [--baselines DIR] [--update-baseline]
/// [--allow-regression] [--trace ID]. With --trace, only that page's decisions are printed (removals, candidates,
/// passes, the text). Without --data, every known folder under ../shared/data that exists.
/// </summary>
public sealed record EvalOptions(IReadOnlyList<string> DataDirs, string? OutFile, int Worst, string BaselineDir,
    bool UpdateBaseline, bool AllowRegression, string? TracePage = null)
{
    /// <summary>--misses N: metadata misses listed per field (truth against what was extracted).</summary>
    public int Misses { get; init; }

    /// <summary>--metadata-only: read the metadata of every page and skip the body, for a quick look at metadata
    /// changes; no body figures and no gate.</summary>
    public bool MetadataOnly { get; init; }

    /// <summary>The shared data folders scored when none is named, in report order.</summary>
    private static readonly string[] KnownFolders = ["article-extraction", "wcxb"];

    private const string Usage =
        "Usage: [--data DIR]... [--out predictions.json] [--worst N] [--misses N] [--metadata-only] [--baselines DIR] [--update-baseline] [--allow-regression] [--trace ID]";

    public static EvalOptions Parse(string[] args)
    {
        var data = new List<string>();
        string? output = null;
        string? baselines = null;
        var worst = 3;
        var misses = 0;
        var metadataOnly = false;
        var update = false;
        var allowRegression = false;
        string? trace = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data.Add(Path.GetFullPath(args[++i]));
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--worst" when i + 1 < args.Length:
                    worst = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--misses" when i + 1 < args.Length:
                    misses = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--metadata-only":
                    metadataOnly = true;
                    break;
                case "--baselines" when i + 1 < args.Length:
                    baselines = args[++i];
                    break;
                case "--trace" when i + 1 < args.Length:
                    trace = args[++i];
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

        var repo = data.Count == 0 || baselines is null ? RepositoryRoot() : "";
        if (data.Count == 0)
        {
            data.AddRange(KnownFolders.Select(f => Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", f))).Where(Directory.Exists));
        }

        return new EvalOptions(data, output, worst,
            baselines ?? Path.Combine(repo, "bench", "FeedHarvester.Eval", "baselines"),
            update, allowRegression, trace)
        {
            Misses = misses,
            MetadataOnly = metadataOnly,
        };
    }

    /// <summary>The baseline file of a data folder: named after the folder.</summary>
    public string BaselineFileOf(string dataDir) => Path.Combine(BaselineDir, FolderName(dataDir) + ".json");

    /// <summary>Where the predictions of <paramref name="dataDir"/> go: --out itself for one folder, else with the
    /// folder's name before the extension.</summary>
    public string? OutFileOf(string dataDir) =>
        OutFile is null || DataDirs.Count == 1
            ? OutFile
            : Path.ChangeExtension(OutFile, null) + "." + FolderName(dataDir) + Path.GetExtension(OutFile);

    public static string FolderName(string dataDir) => Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDir));

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

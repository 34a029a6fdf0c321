using System.Text.Json;
using FeedHarvester.Eval;

// Exit codes: 0 pass, 1 a figure below its folder's baseline, 2 bad input, 3 ground truth differs from the baseline's.
var options = EvalOptions.Parse(args);
if (options.DataDirs.Count == 0)
{
    Console.Error.WriteLine("No data folder: name one with --data DIR.");
    return 2;
}

if (options.TracePage is { } traced)
{
    return PageTracer.Print(options.DataDirs, traced, Console.Out);
}

var exit = 0;
foreach (var dataDir in options.DataDirs)
{
    var truthPath = Path.Combine(dataDir, "ground-truth.json");
    if (!File.Exists(truthPath))
    {
        Console.Error.WriteLine($"No ground-truth.json in {dataDir}");
        return 2;
    }

    var pages = EvalPage.Load(truthPath);
    if (options.MetadataOnly)
    {
        var read = FolderRun.RunMetadata(dataDir, pages);
        MetadataReport.Print(EvalOptions.FolderName(dataDir), FolderFigures.Of(read).Metadata, read, options.Misses, Console.Out);
        continue;
    }

    var results = FolderRun.Run(dataDir, pages);
    var figures = FolderFigures.Of(results);
    FolderReport.Print(EvalOptions.FolderName(dataDir), figures, results, options.Worst, Console.Out);
    MetadataReport.PrintMisses(results, options.Misses, Console.Out);
    if (options.OutFileOf(dataDir) is { } outFile)
    {
        var predictions = results.ToDictionary(r => r.Page.Id, r => new Dictionary<string, string?>
        {
            ["articleBody"] = r.Text,
            ["path"] = r.Path,
            ["title"] = r.Title,
            ["author"] = r.Author,
            ["publish_date"] = r.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        File.WriteAllText(outFile, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"predictions written to {outFile}");
    }

    exit = Math.Max(exit, Gate(dataDir, new EvalBaseline(figures, EvalBaseline.Sha256Of(truthPath))));
}

return exit;

int Gate(string dataDir, EvalBaseline current)
{
    var file = options.BaselineFileOf(dataDir);
    var baseline = EvalBaseline.Load(file);
    if (options.UpdateBaseline)
    {
        if (baseline is not null && baseline.GroundTruthSha256 == current.GroundTruthSha256 &&
            baseline.IsLoweredBy(current.Figures) && !options.AllowRegression)
        {
            Console.Error.WriteLine($"Refusing to lower a floor of {file}: {string.Join("; ", baseline.Shortfalls(current.Figures, 0))}. " +
                                    "Add --allow-regression if that is intended.");
            return 1;
        }

        current.Save(file);
        Console.WriteLine($"baseline written to {file}");
        return 0;
    }

    if (baseline is null)
    {
        Console.WriteLine($"no baseline at {file}; run with --update-baseline to create one");
        return 0;
    }

    if (!string.Equals(baseline.GroundTruthSha256, current.GroundTruthSha256, StringComparison.OrdinalIgnoreCase))
    {
        Console.Error.WriteLine($"{dataDir}/ground-truth.json differs from the one {file} was measured on; " +
                                "compare against a baseline of the same data (--baselines) or re-pin with --update-baseline.");
        return 3;
    }

    var shortfalls = baseline.Shortfalls(current.Figures);
    foreach (var shortfall in shortfalls)
    {
        Console.Error.WriteLine($"FAIL {EvalOptions.FolderName(dataDir)}: {shortfall}");
    }

    if (shortfalls.Count != 0)
    {
        return 1;
    }

    var hint = baseline.IsLoweredBy(current.Figures) ? "" : " (raise the floors with --update-baseline when figures improved)";
    Console.WriteLine($"gate passed for {EvalOptions.FolderName(dataDir)} against {file}{hint}");
    return 0;
}

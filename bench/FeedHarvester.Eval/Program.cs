using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FeedHarvester.Eval;
using FeedHarvester.Extraction;

// Exit codes: 0 pass, 1 F1 below the baseline floor, 2 bad input, 3 ground truth differs from the baseline's.
var options = EvalOptions.Parse(args);
var truthPath = Path.Combine(options.DataDir, "ground-truth.json");
if (!File.Exists(truthPath))
{
    Console.Error.WriteLine($"No ground-truth.json in {options.DataDir}");
    return 2;
}

using var truthJson = JsonDocument.Parse(File.ReadAllBytes(truthPath));
var pages = truthJson.RootElement.EnumerateObject()
    .Select(p => (Id: p.Name, Body: p.Value.GetProperty("articleBody").GetString() ?? "", Url: p.Value.GetProperty("url").GetString()!))
    .OrderBy(p => p.Id, StringComparer.Ordinal)
    .ToList();

var extractor = new ArticleExtractor();
var inputs = pages.Select(p => Read(options.DataDir, p.Id)).ToList();

// Warm-up so JIT time is not charged to the first pages.
for (var i = 0; i < Math.Min(5, pages.Count); i++)
{
    _ = extractor.Extract(new HtmlPage(inputs[i], "text/html; charset=utf-8", new Uri(pages[i].Url)));
}

var predictions = new Dictionary<string, string>();
var scores = new List<PageScore>();
var elapsed = TimeSpan.Zero;
var slowest = (Id: "", Ms: 0.0);
for (var i = 0; i < pages.Count; i++)
{
    var page = new HtmlPage(inputs[i], "text/html; charset=utf-8", new Uri(pages[i].Url));
    var start = Stopwatch.GetTimestamp();
    var result = extractor.Extract(page);
    var took = Stopwatch.GetElapsedTime(start);
    elapsed += took;
    if (took.TotalMilliseconds > slowest.Ms)
    {
        slowest = (pages[i].Id, took.TotalMilliseconds);
    }

    var text = result?.ContentText ?? "";
    predictions[pages[i].Id] = text;
    scores.Add(ShingleMetric.ScorePage(pages[i].Id, pages[i].Body, text));
}

var (precision, recall, f1, accuracy) = ShingleMetric.Aggregate(scores);
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"pages      {scores.Count}"));
Console.WriteLine(string.Create(inv, $"precision  {precision:F4}"));
Console.WriteLine(string.Create(inv, $"recall     {recall:F4}"));
Console.WriteLine(string.Create(inv, $"F1         {f1:F4}"));
Console.WriteLine(string.Create(inv, $"accuracy   {accuracy:F4}"));
Console.WriteLine(string.Create(inv, $"ms/page    {elapsed.TotalMilliseconds / Math.Max(1, scores.Count):F2} (slowest {slowest.Ms:F1} ms, {slowest.Id[..Math.Min(12, slowest.Id.Length)]}; wall clock, see bench/README.md for the benchmark)"));
PrintWorst(options.Worst);

if (options.OutFile is not null)
{
    var output = predictions.ToDictionary(p => p.Key, p => new Dictionary<string, string> { ["articleBody"] = p.Value });
    File.WriteAllText(options.OutFile, JsonSerializer.Serialize(output, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"predictions written to {options.OutFile}");
}

return Gate(new EvalBaseline(scores.Count, Round(precision), Round(recall), Round(f1), Round(accuracy), EvalBaseline.Sha256Of(truthPath)));

int Gate(EvalBaseline current)
{
    var baseline = EvalBaseline.Load(options.BaselineFile);
    Console.WriteLine();
    if (options.UpdateBaseline)
    {
        if (baseline is not null && current.F1 < baseline.F1 && !options.AllowRegression)
        {
            Console.Error.WriteLine(string.Create(inv,
                $"Refusing to lower the baseline F1 from {baseline.F1:F4} to {current.F1:F4}; add --allow-regression if that is intended."));
            return 1;
        }

        current.Save(options.BaselineFile);
        Console.WriteLine($"baseline written to {options.BaselineFile}");
        return 0;
    }

    if (baseline is null)
    {
        Console.WriteLine($"no baseline at {options.BaselineFile}; run with --update-baseline to create one");
        return 0;
    }

    if (!string.Equals(baseline.GroundTruthSha256, current.GroundTruthSha256, StringComparison.OrdinalIgnoreCase))
    {
        Console.Error.WriteLine("ground-truth.json differs from the one the baseline was measured on; " +
                                "compare against a baseline of the same data (--baseline) or re-pin with --update-baseline.");
        return 3;
    }

    var floor = baseline.F1 - EvalBaseline.Tolerance;
    if (current.F1 < floor)
    {
        Console.Error.WriteLine(string.Create(inv,
            $"FAIL: F1 {current.F1:F4} is below the baseline {baseline.F1:F4} minus {EvalBaseline.Tolerance} ({floor:F4})."));
        return 1;
    }

    var hint = current.F1 > baseline.F1 + EvalBaseline.Tolerance ? "; raise the baseline with --update-baseline" : "";
    Console.WriteLine(string.Create(inv, $"gate passed: F1 {current.F1:F4} vs baseline {baseline.F1:F4} (floor {floor:F4}){hint}"));
    return 0;
}

void PrintWorst(int count)
{
    if (count <= 0)
    {
        return;
    }

    Console.WriteLine();
    Console.WriteLine($"worst {count}:");
    foreach (var s in scores.OrderBy(s => s.F1).ThenBy(s => s.Id, StringComparer.Ordinal).Take(count))
    {
        var page = pages.First(p => p.Id == s.Id);
        Console.WriteLine(string.Create(inv, $"  F1 {s.F1:F3}  P {s.Precision ?? 0:F3}  R {s.Recall ?? 0:F3}  {s.Id[..12]}  {page.Url}"));
        var (missed, extra) = SentenceDiff.Compare(page.Body, predictions[s.Id], samples: 3);
        foreach (var sentence in missed)
        {
            Console.WriteLine($"      missed: {sentence}");
        }

        foreach (var sentence in extra)
        {
            Console.WriteLine($"      extra:  {sentence}");
        }
    }
}

static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToZero);

static byte[] Read(string dataDir, string id)
{
    using var file = File.OpenRead(Path.Combine(dataDir, "html", id + ".html.gz"));
    using var gzip = new GZipStream(file, CompressionMode.Decompress);
    using var memory = new MemoryStream();
    gzip.CopyTo(memory);
    return memory.ToArray();
}

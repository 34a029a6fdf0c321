using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FeedHarvester.Eval;
using FeedHarvester.Extraction;

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
for (var i = 0; i < pages.Count; i++)
{
    var page = new HtmlPage(inputs[i], "text/html; charset=utf-8", new Uri(pages[i].Url));
    var start = Stopwatch.GetTimestamp();
    var result = extractor.Extract(page);
    elapsed += Stopwatch.GetElapsedTime(start);
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
Console.WriteLine(string.Create(inv, $"ms/page    {elapsed.TotalMilliseconds / Math.Max(1, scores.Count):F2}"));
Console.WriteLine();
Console.WriteLine($"worst {options.Worst}:");
foreach (var s in scores.OrderBy(s => s.F1).Take(options.Worst))
{
    var url = pages.First(p => p.Id == s.Id).Url;
    Console.WriteLine(string.Create(inv, $"  F1 {s.F1:F3}  P {s.Precision ?? 0:F3}  R {s.Recall ?? 0:F3}  {s.Id[..12]}  {url}"));
}

if (options.OutFile is not null)
{
    var output = predictions.ToDictionary(p => p.Key, p => new Dictionary<string, string> { ["articleBody"] = p.Value });
    File.WriteAllText(options.OutFile, JsonSerializer.Serialize(output, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"predictions written to {options.OutFile}");
}

return 0;

static byte[] Read(string dataDir, string id)
{
    using var file = File.OpenRead(Path.Combine(dataDir, "html", id + ".html.gz"));
    using var gzip = new GZipStream(file, CompressionMode.Decompress);
    using var memory = new MemoryStream();
    gzip.CopyTo(memory);
    return memory.ToArray();
}

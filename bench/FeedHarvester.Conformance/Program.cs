using System.Globalization;
using FeedHarvester.Conformance;

// Usage: dotnet run --project bench/FeedHarvester.Conformance -c Release -- [--cases DIR] [--verbose] [--repeat N]
// --repeat N parses the corpus N more times after the checked pass and reports the median total parse time,
// because the first pass is dominated by JIT and one-time type initialization.
var verbose = args.Contains("--verbose");
var repeatIndex = Array.IndexOf(args, "--repeat");
var repeats = repeatIndex >= 0 && repeatIndex + 1 < args.Length ? int.Parse(args[repeatIndex + 1], CultureInfo.InvariantCulture) : 0;
var casesIndex = Array.IndexOf(args, "--cases");
var directory = casesIndex >= 0 && casesIndex + 1 < args.Length ? args[casesIndex + 1] : CasesLocator.Find();
if (directory is null || !File.Exists(Path.Combine(directory, "cases.jsonl")))
{
    Console.Error.WriteLine("conformance: no cases.jsonl found (pass --cases DIR)");
    return 2;
}

var runner = new CaseRunner(directory);
var cases = File.ReadLines(Path.Combine(directory, "cases.jsonl"))
    .Where(l => !string.IsNullOrWhiteSpace(l))
    .Select(ConformanceCase.FromJson)
    .ToList();
var outcomes = cases.Select(runner.Run).ToList();

if (verbose)
{
    foreach (var failed in outcomes.Where(o => !o.Passed))
    {
        Console.WriteLine($"FAIL {failed.Case.Id}");
        foreach (var failure in failed.Failures)
        {
            Console.WriteLine($"    {failure}");
        }
    }

    Console.WriteLine();
}

Console.WriteLine($"{"group",-28} {"passed",7} {"cases",6} {"rate",7}");
foreach (var group in outcomes.GroupBy(o => o.Case.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Print(group.Key, group.Count(o => o.Passed), group.Count());
}

Print("OVERALL", outcomes.Count(o => o.Passed), outcomes.Count);
Console.WriteLine();
Console.WriteLine("read via: " + string.Join(", ", outcomes.GroupBy(o => o.Via).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse time, first pass (cold, includes JIT): {TotalMs(outcomes):F1} ms for {outcomes.Count} cases"));
if (repeats > 0)
{
    var warm = Enumerable.Range(0, repeats).Select(_ => TotalMs(cases.Select(runner.Run).ToList())).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"parse time, warm passes: median {warm[warm.Count / 2]:F1} ms, min {warm[0]:F1} ms, max {warm[^1]:F1} ms over {repeats} passes"));
}

return 0;

static double TotalMs(List<CaseOutcome> outcomes) => outcomes.Sum(o => o.ParseTime.TotalMilliseconds);

static void Print(string name, int passed, int total) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {passed,7} {total,6} {100.0 * passed / Math.Max(total, 1),6:F1}%"));

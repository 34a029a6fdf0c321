using System.Globalization;
using FeedHarvester.Conformance;

// Usage: dotnet run --project bench/FeedHarvester.Conformance -- [--cases DIR] [--verbose]
var verbose = args.Contains("--verbose");
var casesIndex = Array.IndexOf(args, "--cases");
var directory = casesIndex >= 0 && casesIndex + 1 < args.Length ? args[casesIndex + 1] : CasesLocator.Find();
if (directory is null || !File.Exists(Path.Combine(directory, "cases.jsonl")))
{
    Console.Error.WriteLine("conformance: no cases.jsonl found (pass --cases DIR)");
    return 2;
}

var runner = new CaseRunner(directory);
var outcomes = File.ReadLines(Path.Combine(directory, "cases.jsonl"))
    .Where(l => !string.IsNullOrWhiteSpace(l))
    .Select(ConformanceCase.FromJson)
    .Select(runner.Run)
    .ToList();

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
return 0;

static void Print(string name, int passed, int total) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {passed,7} {total,6} {100.0 * passed / Math.Max(total, 1),6:F1}%"));

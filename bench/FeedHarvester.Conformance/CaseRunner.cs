using System.Diagnostics;
using FeedHarvester.Parsing;

namespace FeedHarvester.Conformance;

/// <summary>Parses one case's document as if fetched with its headers and URL, and checks every fact.</summary>
internal sealed class CaseRunner(string casesDirectory)
{
    private readonly FeedParser _parser = new();

    public CaseOutcome Run(ConformanceCase testCase)
    {
        var bytes = File.ReadAllBytes(Path.Combine(casesDirectory, testCase.File));
        var document = new FeedDocument(
            bytes,
            testCase.Header("Content-Type"),
            testCase.DocumentUrl is null ? null : new Uri(testCase.DocumentUrl),
            testCase.Header("Content-Language"))
        {
            ContentLocation = testCase.Header("Content-Location"),
        };

        FeedParseResult result;
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = _parser.Parse(document);
        }
#pragma warning disable CA1031 // A crash is a failed case to report, not a reason to stop the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new CaseOutcome(testCase, [$"crash: {ex.GetType().Name}: {ex.Message}"], Stopwatch.GetElapsedTime(started));
        }

        var parseTime = Stopwatch.GetElapsedTime(started);
        var failures = new List<string>();
        foreach (var (fact, expected) in testCase.Expect)
        {
            var actual = FactReader.Read(result, fact);
            if (!FactComparer.Matches(fact, expected, actual))
            {
                failures.Add($"{fact}: expected {expected.GetRawText()} got {FactComparer.Describe(actual)}");
            }
        }

        return new CaseOutcome(testCase, failures, parseTime, result.ParsedVia);
    }
}

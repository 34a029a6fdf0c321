using System.Diagnostics;
using System.Globalization;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Generation;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// Runs a round: generates the round's cases in order, sends each to a worker process, replaces the worker
/// whenever an input killed or stalled it, and saves the first input of every distinct failure.
/// </summary>
internal sealed class RoundSupervisor(RoundOptions options, TextWriter log)
{
    /// <summary>The job sent for a case; the harness's own tests swap in a self-test to prove the round survives it.</summary>
    public Func<int, FuzzCase, WorkerJob> JobFor { get; init; } = (_, fuzzCase) => new WorkerJob { Case = fuzzCase };

    public async Task<RoundReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var corpus = SeedCorpus.Load();
        var gen = new FuzzCaseGen(corpus);
        var seeds = new CaseSeeds(options.Seed);
        var writer = new FindingWriter(options.OutputDirectory, corpus, options.Seed);
        var report = new RoundReport(options.Seed);
        var clock = Stopwatch.StartNew();
        WorkerProcess? worker = null;
        try
        {
            for (var index = 0; clock.Elapsed < options.Duration && (options.MaxCases is not { } max || index < max); index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var caseSeed = seeds.Next();
                var fuzzCase = gen.Generate(caseSeed);
                if (worker is null)
                {
                    worker = await WorkerProcess.StartAsync(cancellationToken).ConfigureAwait(false);
                    report.WorkersStarted++;
                }

                var outcome = await worker.RunAsync(JobFor(index, fuzzCase), cancellationToken).ConfigureAwait(false);
                if (outcome.WorkerLost)
                {
                    worker.Dispose();
                    worker = null;
                }

                Record(report, writer, new Finding(outcome.Verdict, fuzzCase, caseSeed, index));
            }
        }
        finally
        {
            worker?.Dispose();
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private void Record(RoundReport report, FindingWriter writer, Finding finding)
    {
        if (options.Verbose)
        {
            var v = finding.Verdict;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"case {finding.Index}: {(v.Passed ? "ok" : v.Symptom)} {v.Stage} cpu {v.CpuMs / 1000:F2} s wall {v.WallMs / 1000:F2} s alloc {v.AllocatedBytes >> 20} MiB ws +{v.WorkingSetGrowth >> 20} MiB {v.InputBytes >> 10} KiB | {finding.Case.Describe()}"));
        }

        if (finding.Verdict.Passed)
        {
            report.Passing(finding.Verdict);
            return;
        }

        string? saved = null;
        if (report.Failing(finding, () => saved = writer.Write(finding)))
        {
            log.WriteLine($"FINDING {finding.Describe()}");
            log.WriteLine($"        saved: {saved}");
        }
    }
}

using FeedHarvester.Fuzz.Corpus;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// The child side of process isolation: reads jobs from standard input, runs each under its budgets and writes
/// events to standard output. A stack overflow cannot be caught in .NET, so it ends this process and the
/// supervisor, which saw the last <c>stage</c> event, reports the input; after a hang or a memory abort the
/// worker ends itself (the input's thread cannot be stopped) and the supervisor starts a new one.
/// </summary>
internal static class WorkerLoop
{
    /// <summary>Exit code after a hung input or a memory abort; the supervisor has the verdict already.</summary>
    public const int AbandonedInputExitCode = 3;

    public static int Run(TextReader input, TextWriter output)
    {
        var corpus = SeedCorpus.Load();
        var pipeline = new StagePipeline();
        var gate = new Lock();
        void Send(WorkerEvent e)
        {
            lock (gate)
            {
                output.WriteLine(WorkerProtocol.Write(e));
                output.Flush();
            }
        }

        Send(new WorkerEvent(WorkerEvent.Ready));
        while (input.ReadLine() is { } line)
        {
            var job = WorkerProtocol.Read<WorkerJob>(line) ?? throw new InvalidDataException($"not a job: {line}");
            var runner = new BudgetedRunner(job.Budgets ?? new Budgets());
            void Abort(InputVerdict verdict)
            {
                Send(new WorkerEvent(WorkerEvent.Done, Verdict: verdict));
                Environment.Exit(AbandonedInputExitCode);
            }

            void Stage(string stage) => Send(new WorkerEvent(WorkerEvent.StageStarted, stage));
            InputVerdict verdict;
            if (job.SelfTest is { } selfTest)
            {
                verdict = runner.Run(0, enter => SelfTests.Run(selfTest, enter), Stage, Abort);
            }
            else
            {
                var fuzzInput = Build(job, corpus);
                verdict = runner.Run(fuzzInput.Body.Length, enter => pipeline.Run(fuzzInput, enter), Stage, Abort);
            }

            Send(new WorkerEvent(WorkerEvent.Done, Verdict: verdict));
            if (verdict.Abandoned)
            {
                return AbandonedInputExitCode;
            }
        }

        return 0;
    }

    private static FuzzInput Build(WorkerJob job, SeedCorpus corpus)
    {
        if (job.Case is { } fuzzCase)
        {
            return fuzzCase.Build(corpus);
        }

        var path = job.File ?? throw new InvalidDataException("a job needs a case, a file or a self-test");
        var kind = job.Kind ?? (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? InputKind.Page : InputKind.Feed);
        return new FuzzInput(File.ReadAllBytes(path), job.ContentType ?? (kind == InputKind.Page ? "text/html" : "application/rss+xml"),
            kind, Path.GetExtension(path));
    }
}

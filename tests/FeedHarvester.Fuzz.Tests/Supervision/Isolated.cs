using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>Runs one job in a worker of its own: replays and the harness's tests, where one crash must not end the rest.</summary>
internal static class Isolated
{
    public static async Task<InputVerdict> RunAsync(WorkerJob job, CancellationToken cancellationToken = default)
    {
        using var worker = await WorkerProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        return (await worker.RunAsync(job, cancellationToken).ConfigureAwait(false)).Verdict;
    }
}

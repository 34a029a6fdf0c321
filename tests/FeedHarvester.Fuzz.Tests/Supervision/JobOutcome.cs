using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// What came of sending one job to a worker: the worker's own verdict, or, when it died or went silent, the
/// verdict the supervisor gives from the last stage it announced, its exit code and the end of its stderr.
/// </summary>
/// <param name="WorkerLost">The worker process is gone (died or killed) and must be replaced.</param>
internal sealed record JobOutcome(InputVerdict Verdict, bool WorkerLost);

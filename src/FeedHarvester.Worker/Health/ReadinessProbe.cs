using Quartz;

namespace FeedHarvester.Worker.Health;

/// <summary>The one judgement of readiness, shared by <c>/readyz</c> and the systemd watchdog.</summary>
internal sealed class ReadinessProbe(HealthState health, OverduePollCheck overdue, ObservabilityOptions options)
{
    public HealthState State => health;

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        OverduePoll? late = null;
        string? schedulerProblem = null;
        if (health.SchedulerRunning)
        {
            try
            {
                late = await overdue.FindAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SchedulerException ex)
            {
                schedulerProblem = ex.Message;
            }
        }

        return health.Judge(late, schedulerProblem, options.RecentPollWindow);
    }
}

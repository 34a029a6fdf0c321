namespace FeedHarvester.Emitting;

/// <summary>
/// Delivers claimed articles downstream. Claims queue articles durably (see <c>IDedupeStore.TryClaimAsync</c>);
/// the sink writes every queued article out exactly once, surviving crashes between any two steps.
/// </summary>
public interface IArticleSink
{
    /// <summary>
    /// Writes out everything queued so far; returns how many records this call delivered. An operational fault (the
    /// output disk full, the file not writable) is returned as <see cref="EmitResult.Failure"/>, with every record not
    /// delivered still queued; exceptions are kept for bugs.
    /// </summary>
    Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the claim itself delivers the article (Redis mode adds it to the stream in the claim's own script), so
    /// nothing waits to be written after a claim and no round need run for one.
    /// </summary>
    bool EmitsOnClaim => false;
}

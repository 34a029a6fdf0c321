namespace FeedHarvester.Emitting;

/// <summary>The outcome of one emit round.</summary>
/// <param name="Emitted">Records delivered in this round.</param>
/// <param name="Recovered">Records found already written by an interrupted earlier round and only confirmed now.</param>
/// <param name="Failure">Why the round stopped before writing everything queued; null when it did not.</param>
public sealed record EmitResult(int Emitted, int Recovered = 0, EmitFailure? Failure = null);

namespace FeedHarvester.Emitting;

/// <summary>Why a sink could not write what was queued: a stable <see cref="Kind"/> and a reason naming the file or store.</summary>
public sealed record EmitFailure(EmitFailureKind Kind, string Reason)
{
    public override string ToString() => $"{Kind}: {Reason}";
}

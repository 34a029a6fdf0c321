namespace FeedHarvester.Emitting;

/// <summary>Why a sink could not write what was queued: a stable <see cref="Kind"/> and a reason naming the file or store.</summary>
public sealed record EmitFailure(EmitFailureKind Kind, string Reason)
{
    public override string ToString() => $"{Kind}: {Reason}";
}

/// <summary>Stable codes of sink failures, used in logs and on <c>/readyz</c>.</summary>
public enum EmitFailureKind
{
    /// <summary>The output could not be written (disk full, I/O error, permission denied); the records stay queued.</summary>
    OutputNotWritable,

    /// <summary>The queue itself (the embedded database) could not be read or updated.</summary>
    QueueNotWritable,

    /// <summary>The sink threw: a bug, logged with its stack trace; the records stay queued.</summary>
    SinkCrashed,
}

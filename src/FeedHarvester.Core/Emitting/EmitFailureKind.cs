namespace FeedHarvester.Emitting;

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

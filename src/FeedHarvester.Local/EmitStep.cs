namespace FeedHarvester.Local;

/// <summary>Points inside an emit round where tests inject a simulated crash (see <see cref="JsonLinesSink.FaultInjector"/>).</summary>
internal enum EmitStep
{
    /// <summary>Half of a record's line written; reached once per line.</summary>
    MidLine,

    /// <summary>Every line of a batch written, nothing flushed to disk yet.</summary>
    BeforeFlush,

    /// <summary>The batch is fsynced; the SQLite transaction confirming it has not started.</summary>
    BeforeCommit,

    /// <summary>Outbox rows deleted and length stored inside the transaction, not yet committed.</summary>
    InsideCommit,

    /// <summary>The batch is committed; the next batch (or the return) has not happened.</summary>
    AfterCommit,
}

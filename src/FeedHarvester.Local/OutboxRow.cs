namespace FeedHarvester.Local;

/// <summary>One claimed article waiting to be written: its queue position and its serialized record.</summary>
internal readonly record struct OutboxRow(long Seq, string ArticleId, string Record);

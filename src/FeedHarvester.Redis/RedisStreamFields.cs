namespace FeedHarvester.Redis;

/// <summary>The fields of every entry FeedHarvester adds to the article stream; consumers read these.</summary>
internal static class RedisStreamFields
{
    /// <summary>The article's stable id (also inside the record), for consumers that dedupe or route without parsing JSON.</summary>
    public const string Id = "id";

    /// <summary>The record's schema version, so a consumer can refuse a record it does not understand before parsing it.</summary>
    public const string SchemaVersion = "schema_version";

    /// <summary>The article as one line of JSON (ArticleJson), the same form the embedded mode writes to its JSON-lines file.</summary>
    public const string Article = "article";

    /// <summary>
    /// The story the article belongs to (the record's story_id): its own id, or for a near-copy of an earlier article the
    /// first copy's id, so consumers can group copies without parsing JSON. Missing on entries written before version 1.1.
    /// </summary>
    public const string StoryId = "story_id";

    /// <summary>Only on a near-copy: the id of the earlier article it matched best (the record's duplicate_of).</summary>
    public const string DuplicateOf = "duplicate_of";
}

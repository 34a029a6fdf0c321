namespace FeedHarvester.Redis;

/// <summary>The fields of every entry FeedHarvester adds to the article stream; consumers read these.</summary>
public static class RedisStreamFields
{
    /// <summary>The article's stable id (also inside the record), for consumers that dedupe or route without parsing JSON.</summary>
    public const string Id = "id";

    /// <summary>The record's schema version, so a consumer can refuse a record it does not understand before parsing it.</summary>
    public const string SchemaVersion = "schema_version";

    /// <summary>The article as one line of JSON (ArticleJson), the same form the embedded mode writes to its JSON-lines file.</summary>
    public const string Article = "article";
}

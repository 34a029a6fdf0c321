namespace FeedHarvester.Redis;

/// <summary>One entry of the article stream as <see cref="RedisArticleTail"/> reads it.</summary>
/// <param name="EntryId">The stream entry id ("1717329600000-0").</param>
/// <param name="ArticleId">The article's stable id.</param>
/// <param name="SchemaVersion">The record's schema version.</param>
/// <param name="Json">The record, one line of JSON (ArticleJson).</param>
/// <param name="StoryId">The story the article belongs to; its own id for an entry written without the story_id field.</param>
public sealed record StreamArticle(string EntryId, string ArticleId, int SchemaVersion, string Json, string StoryId);

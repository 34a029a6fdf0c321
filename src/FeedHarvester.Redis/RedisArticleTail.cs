using System.Globalization;
using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Follows the article stream from now on, for an operator's <c>tail</c> command: plainly (nothing is recorded), or as a
/// consumer of a group (created at the stream's end when missing; every entry acknowledged once it was handed out).
/// </summary>
public sealed class RedisArticleTail(IConnectionMultiplexer connection, RedisOptions options)
{
    /// <summary>Entries read per round trip.</summary>
    private const int BatchSize = 100;

    /// <summary>How long to wait before asking again when nothing arrived: a person watching does not notice half a second.</summary>
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>New entries as they arrive, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<StreamArticle> FollowAsync(
        string? group, string consumer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var database = connection.GetDatabase();
        RedisKey stream = options.StreamKey;
        if (group is not null)
        {
            await EnsureGroupAsync(database, stream, group).ConfigureAwait(false);
        }

        var last = group is null ? await LastEntryIdAsync(database, stream).ConfigureAwait(false) : default;
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = group is null
                ? await database.StreamRangeAsync(stream, Exclusive(last), "+", BatchSize).ConfigureAwait(false)
                : await database.StreamReadGroupAsync(stream, group, consumer, StreamPosition.NewMessages, BatchSize).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                yield return ToArticle(entry);
                if (group is not null)
                {
                    _ = await database.StreamAcknowledgeAsync(stream, group, entry.Id).ConfigureAwait(false);
                }

                last = entry.Id;
            }

            if (entries.Length == 0)
            {
                await Task.Delay(IdleDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task EnsureGroupAsync(IDatabase database, RedisKey stream, string group)
    {
        try
        {
            _ = await database.StreamCreateConsumerGroupAsync(stream, group, StreamPosition.NewMessages, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: carry on where it left off.
        }
    }

    private static async Task<RedisValue> LastEntryIdAsync(IDatabase database, RedisKey stream)
    {
        var newest = await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending).ConfigureAwait(false);
        return newest.Length == 0 ? "0-0" : newest[0].Id;
    }

    // "(" makes XRANGE's start exclusive (Redis 6.2+), so the last entry shown is not shown again.
    private static RedisValue Exclusive(RedisValue id) => "(" + id.ToString();

    private static StreamArticle ToArticle(StreamEntry entry)
    {
        var articleId = entry[RedisStreamFields.Id].ToString();
        var storyId = entry[RedisStreamFields.StoryId];
        return new StreamArticle(
            entry.Id.ToString(),
            articleId,
            int.TryParse(entry[RedisStreamFields.SchemaVersion].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0,
            entry[RedisStreamFields.Article].ToString(),
            storyId.IsNull ? articleId : storyId.ToString());
    }
}

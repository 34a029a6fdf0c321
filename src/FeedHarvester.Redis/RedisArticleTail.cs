using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Follows the article stream from now on, for an operator's <c>tail</c> command: plainly (nothing is recorded), or as a
/// consumer of a group (created at the stream's end when missing; every entry acknowledged once it was handed out).
/// </summary>
/// <remarks>
/// Survives Redis going away (a restart, a network cut): it logs once that the connection is lost, retries with back-off
/// from <see cref="FirstRetryDelay"/> to <see cref="MaxRetryDelay"/>, logs once when it reads again, and carries on where
/// it was. As a group consumer it first reads back its own pending entries, those handed to it but not acknowledged when
/// Redis went away, so none is lost; an entry at or before the last one it handed out was already handed out (its
/// acknowledgement was lost, or a Redis restored from an older AOF delivers it again) and is only acknowledged, never
/// handed out twice.
/// </remarks>
public sealed class RedisArticleTail(IConnectionMultiplexer connection, RedisOptions options, ILogger<RedisArticleTail>? logger = null)
{
    /// <summary>Entries read per round trip.</summary>
    private const int BatchSize = 100;

    /// <summary>How long to wait before asking again when nothing arrived: a person watching does not notice half a second.</summary>
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>First wait after a failed read: a restart is usually over within a second or two.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between reads while Redis stays away.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = logger ?? NullLogger<RedisArticleTail>.Instance;

    /// <summary>New entries as they arrive, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<StreamArticle> FollowAsync(
        string? group, string consumer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var reader = new Reader(connection.GetDatabase(), options.StreamKey, group, consumer);
        var outage = new Outage(_logger, Endpoints());
        while (!cancellationToken.IsCancellationRequested)
        {
            var (entries, failure) = await reader.TryReadAsync().ConfigureAwait(false);
            if (failure is not null)
            {
                outage.Failed(failure);
                await Task.Delay(outage.NextDelay(), cancellationToken).ConfigureAwait(false);
                continue;
            }

            outage.Succeeded(reader.Position);
            foreach (var entry in entries)
            {
                if (reader.AlreadyHandedOut(entry.Id))
                {
                    await reader.TryAcknowledgeAsync(entry.Id).ConfigureAwait(false);
                    continue;
                }

                yield return ToArticle(entry);
                reader.HandedOut(entry.Id);
                if (await reader.TryAcknowledgeAsync(entry.Id).ConfigureAwait(false) is { } lost)
                {
                    // Left pending: read back (and only acknowledged) once Redis is back.
                    outage.Failed(lost);
                    break;
                }
            }

            if (entries.Length == 0 && !outage.Active)
            {
                await Task.Delay(IdleDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Endpoints only: the configuration string may carry a password.
    private string Endpoints() => string.Join(", ", connection.GetEndPoints().Select(endpoint => endpoint.ToString()));

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

    /// <summary>Where the tail is in the stream, and the reads and acknowledgements, each failing as a value while Redis is away.</summary>
    private sealed class Reader(IDatabase database, RedisKey stream, string? group, string consumer)
    {
        private bool _started;

        // Group mode: after an outage (and at start) the consumer's own pending entries are read back first, from this id on.
        private RedisValue? _pendingFrom = "0-0";

        // The last entry handed out (plain mode: also where the next read starts).
        private StreamEntryId? _last;

        public string Position => _last?.ToString() ?? "the stream's end";

        public bool AlreadyHandedOut(RedisValue id) => _last is { } handed && StreamEntryId.Parse(id) <= handed;

        public void HandedOut(RedisValue id) => _last = StreamEntryId.Parse(id);

        public async Task<(StreamEntry[] Entries, Exception? Failure)> TryReadAsync()
        {
            try
            {
                if (!_started)
                {
                    await StartAsync().ConfigureAwait(false);
                    _started = true;
                }

                return (await ReadAsync().ConfigureAwait(false), null);
            }
            catch (Exception ex) when (IsOutage(ex))
            {
                _pendingFrom ??= "0-0";
                return ([], ex);
            }
            catch (RedisServerException ex) when (group is not null && ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // Redis came back without the group (no persistence): make it again at the stream's end, as at start.
                _started = false;
                return ([], ex);
            }
        }

        public async Task<Exception?> TryAcknowledgeAsync(RedisValue id)
        {
            if (group is null)
            {
                return null;
            }

            try
            {
                _ = await database.StreamAcknowledgeAsync(stream, group, id).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (IsOutage(ex))
            {
                _pendingFrom ??= "0-0";
                return ex;
            }
        }

        private async Task StartAsync()
        {
            if (group is null)
            {
                _last ??= await LastEntryIdAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                _ = await database.StreamCreateConsumerGroupAsync(stream, group, StreamPosition.NewMessages, createStream: true).ConfigureAwait(false);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // The group exists already: carry on where it left off.
            }
        }

        private async Task<StreamEntry[]> ReadAsync()
        {
            if (group is null)
            {
                // "(" makes XRANGE's start exclusive (Redis 6.2+), so the last entry shown is not shown again.
                return await database.StreamRangeAsync(stream, "(" + _last!.Value, "+", BatchSize).ConfigureAwait(false);
            }

            if (_pendingFrom is { } from)
            {
                var pending = await database.StreamReadGroupAsync(stream, group, consumer, from, BatchSize).ConfigureAwait(false);
                if (pending.Length > 0)
                {
                    _pendingFrom = pending[^1].Id;
                    return pending;
                }

                _pendingFrom = null;
            }

            return await database.StreamReadGroupAsync(stream, group, consumer, StreamPosition.NewMessages, BatchSize).ConfigureAwait(false);
        }

        private async Task<StreamEntryId> LastEntryIdAsync()
        {
            var newest = await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending).ConfigureAwait(false);
            return newest.Length == 0 ? StreamEntryId.Zero : StreamEntryId.Parse(newest[0].Id);
        }

        private static bool IsOutage(Exception ex) => ex is RedisConnectionException or RedisTimeoutException;
    }

    /// <summary>Logs once when reading stops working and once when it works again; paces the retries in between.</summary>
    private sealed class Outage(ILogger logger, string endpoints)
    {
        private TimeSpan _delay = FirstRetryDelay;

        public bool Active { get; private set; }

        public void Failed(Exception failure)
        {
            if (!Active)
            {
                Active = true;
                _delay = FirstRetryDelay;
                Log.TailConnectionLost(logger, endpoints, failure.Message);
            }
        }

        public TimeSpan NextDelay()
        {
            var current = _delay;
            _delay = _delay * 2 > MaxRetryDelay ? MaxRetryDelay : _delay * 2;
            return current;
        }

        public void Succeeded(string position)
        {
            if (Active)
            {
                Active = false;
                Log.TailConnectionBack(logger, endpoints, position);
            }
        }
    }
}

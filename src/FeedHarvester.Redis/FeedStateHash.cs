using System.Globalization;
using FeedHarvester.Feeds;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Maps <see cref="FeedState"/> to the fields of one Redis hash and back, exactly: instants as round-trip ISO 8601 (offset
/// kept), the poll interval in ticks, the status by name. A null member is an absent field.
/// </summary>
internal static class FeedStateHash
{
    private const string FeedUrl = "feed_url";
    private const string ETag = "etag";
    private const string LastModified = "last_modified";
    private const string LastOutcome = "last_outcome";
    private const string LastMessage = "last_message";
    private const string LastPolledAt = "last_polled_at";
    private const string LastSuccessAt = "last_success_at";
    private const string NextPollAt = "next_poll_at";
    private const string ConsecutiveErrors = "consecutive_errors";
    private const string ArticlesEmitted = "articles_emitted";
    private const string Status = "status";
    private const string CurrentUrl = "current_url";
    private const string RedirectCandidate = "redirect_candidate";
    private const string RedirectSeenCount = "redirect_seen_count";
    private const string PollIntervalTicks = "poll_interval_ticks";

    public static HashEntry[] ToEntries(FeedState state)
    {
        var entries = new List<HashEntry>(15)
        {
            new(FeedUrl, state.FeedUrl),
            new(ConsecutiveErrors, state.ConsecutiveErrors),
            new(ArticlesEmitted, state.ArticlesEmitted),
            new(Status, state.Status.ToString()),
            new(RedirectSeenCount, state.RedirectSeenCount),
        };
        AddIfSet(entries, ETag, state.ETag);
        AddIfSet(entries, LastModified, state.LastModified);
        AddIfSet(entries, LastOutcome, state.LastOutcome);
        AddIfSet(entries, LastMessage, state.LastMessage);
        AddIfSet(entries, LastPolledAt, FormatInstant(state.LastPolledAt));
        AddIfSet(entries, LastSuccessAt, FormatInstant(state.LastSuccessAt));
        AddIfSet(entries, NextPollAt, FormatInstant(state.NextPollAt));
        AddIfSet(entries, CurrentUrl, state.CurrentUrl);
        AddIfSet(entries, RedirectCandidate, state.RedirectCandidate);
        if (state.PollInterval is { } interval)
        {
            entries.Add(new HashEntry(PollIntervalTicks, interval.Ticks));
        }

        return [.. entries];
    }

    /// <summary>The state in <paramref name="entries"/>, or null for an empty (missing) hash.</summary>
    public static FeedState? FromEntries(HashEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return null;
        }

        var fields = entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString(), StringComparer.Ordinal);
        return new FeedState
        {
            FeedUrl = fields[FeedUrl],
            ETag = fields.GetValueOrDefault(ETag),
            LastModified = fields.GetValueOrDefault(LastModified),
            LastOutcome = fields.GetValueOrDefault(LastOutcome),
            LastMessage = fields.GetValueOrDefault(LastMessage),
            LastPolledAt = ParseInstant(fields.GetValueOrDefault(LastPolledAt)),
            LastSuccessAt = ParseInstant(fields.GetValueOrDefault(LastSuccessAt)),
            NextPollAt = ParseInstant(fields.GetValueOrDefault(NextPollAt)),
            ConsecutiveErrors = ParseInt(fields.GetValueOrDefault(ConsecutiveErrors)),
            ArticlesEmitted = ParseLong(fields.GetValueOrDefault(ArticlesEmitted)),

            // An unknown name (written by a newer version) reads as Active rather than failing every poll of the feed.
            Status = Enum.TryParse<FeedStatus>(fields.GetValueOrDefault(Status), out var status) ? status : FeedStatus.Active,
            CurrentUrl = fields.GetValueOrDefault(CurrentUrl),
            RedirectCandidate = fields.GetValueOrDefault(RedirectCandidate),
            RedirectSeenCount = ParseInt(fields.GetValueOrDefault(RedirectSeenCount)),
            PollInterval = fields.GetValueOrDefault(PollIntervalTicks) is { } ticks
                ? TimeSpan.FromTicks(long.Parse(ticks, CultureInfo.InvariantCulture))
                : null,
        };
    }

    private static void AddIfSet(List<HashEntry> entries, string name, string? value)
    {
        if (value is not null)
        {
            entries.Add(new HashEntry(name, value));
        }
    }

    private static string? FormatInstant(DateTimeOffset? instant) =>
        instant?.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseInstant(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static int ParseInt(string? text) => text is null ? 0 : int.Parse(text, CultureInfo.InvariantCulture);

    private static long ParseLong(string? text) => text is null ? 0 : long.Parse(text, CultureInfo.InvariantCulture);
}

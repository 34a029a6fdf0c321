using FeedHarvester.Cleaning;
using FeedHarvester.Deduplication;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Harvests the entries of one fetched feed, several at once, each in this order: keys → in-flight hold → seen
/// check → page fetch → type check → extract → clean → normalize → claim → signal the emitter. An entry seen before
/// stops at the seen check, so its page is never fetched again; a page that fails leaves the entry to the feed's own
/// content, unless the failure rejects the entry.
/// </summary>
public sealed class EntryHarvester(
    IDedupeStore dedupe,
    DedupeKeyBuilder keys,
    PageFetcher pages,
    ExtractionRunner extraction,
    HtmlCleaner cleaner,
    ArticleNormalizer normalizer,
    EmitPump emitter,
    SchedulingOptions scheduling,
    ILogger<EntryHarvester> logger,
    HarvestMetrics metrics)
{
    // Shared by every feed polled at once: one story listed by two feeds is harvested once.
    private readonly InFlightUrls _inFlight = new();

    private readonly ArticleAssembler _assembler = new(normalizer, cleaner);

    // Timed here rather than at each call, so the seen-check and claim stages are measured whichever store is behind.
    private readonly TimedDedupeStore _store = new(dedupe, metrics);

    /// <summary>Harvests every entry of <paramref name="listing"/>; what became of each is counted in the tally.</summary>
    internal async Task<EntryTally> HarvestAsync(FeedListing listing, IReadOnlyList<ParsedEntry> entries, CancellationToken cancellationToken)
    {
        var tally = new EntryTally(entries.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = scheduling.MaxConcurrentArticlesPerFeed, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entries, parallel, async (entry, token) =>
        {
            // Back-pressure: while the sink is behind by its whole backlog, no new entry starts.
            await emitter.WaitForRoomAsync(token).ConfigureAwait(false);
            tally.Add(await HarvestEntryAsync(listing, entry, tally, token).ConfigureAwait(false));
        }).ConfigureAwait(false);
        return tally;
    }

    private async Task<EntryOutcome> HarvestEntryAsync(FeedListing listing, ParsedEntry entry, EntryTally tally, CancellationToken cancellationToken)
    {
        var entryKeys = DedupeKeyBuilder.ForEntry(listing.FeedUrl, entry);
        using var hold = await HoldAsync(entryKeys, cancellationToken).ConfigureAwait(false);
        if (await IsSeenAsync(entryKeys, cancellationToken).ConfigureAwait(false))
        {
            return EntryOutcome.Duplicate;
        }

        var page = await ReadPageAsync(entry, cancellationToken).ConfigureAwait(false);
        if (page.Failure is { RejectsEntry: true } refusal)
        {
            // Refused by policy (a private address, a page past the size limit): not an article to pass on.
            Log.EntryRejected(logger, entry.Link ?? entry.Id ?? "?", listing.FeedUrl, refusal.ToString());
            return EntryOutcome.Rejected;
        }

        var article = CleanAndNormalize(new NormalizationInput(listing.FeedUrl, listing.Feed, entry, page.Article, page.Url, page.Failure, listing.FetchedAt)
        {
            FeedTitle = listing.FeedTitle,
            FeedCategory = listing.FeedCategory,
            PageMetadata = page.Metadata,
        });
        return await ClaimAsync(article, tally, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Holds the entry's URL, so the same link arriving twice at once is harvested once (see <see cref="InFlightUrls"/>).</summary>
    private async Task<IDisposable?> HoldAsync(IReadOnlyList<DedupeKey> entryKeys, CancellationToken cancellationToken) =>
        entryKeys.FirstOrDefault(k => k.Kind == DedupeKeyKind.Url) is { Value: not null } urlKey
            ? await _inFlight.EnterAsync(urlKey.Value, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<bool> IsSeenAsync(IReadOnlyList<DedupeKey> entryKeys, CancellationToken cancellationToken) =>
        entryKeys.Count > 0 && await _store.FindSeenAsync(entryKeys, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Page fetch → type check → extract; every failure becomes the reason the feed's content is used.</summary>
    private async Task<PageReading> ReadPageAsync(ParsedEntry entry, CancellationToken cancellationToken)
    {
        var fetched = await pages.FetchAsync(entry, cancellationToken).ConfigureAwait(false);
        if (fetched.Page is not { } page)
        {
            return new PageReading(null, fetched.Url, fetched.Failure);
        }

        try
        {
            if (!IsHtml(page.ContentType))
            {
                return new PageReading(null, page.Url, PageFailure.NotHtml(page.ContentType));
            }

            // What extraction returns holds copies of what it keeps (text, tree), never the page's bytes.
            return await extraction.ExtractAsync(page, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            fetched.ReleasePage();
        }
    }

    /// <summary>Clean → normalize, timed together as the normalize stage: the chosen body is sanitized, then the record made.</summary>
    private Article CleanAndNormalize(NormalizationInput input)
    {
        var timer = StageTimer.StartSynchronous();
        var article = _assembler.Assemble(input);
        metrics.RecordStage(HarvestStage.Normalize, timer);
        return article;
    }

    /// <summary>Claim → signal: the article is new only if no key of it was seen; a claimed one is queued, and the emitter told.</summary>
    private async Task<EntryOutcome> ClaimAsync(Article article, EntryTally tally, CancellationToken cancellationToken)
    {
        var verdict = await _store.TryClaimAsync(article, keys.For(article), cancellationToken).ConfigureAwait(false);
        if (verdict is { IsNew: false, Story: { } dropped })
        {
            // Logged here only: the store records the drop without a line of its own.
            Log.NearCopyDropped(logger, article.Url ?? article.Guid, article.FeedUrl, dropped.DuplicateOf, dropped.Similarity, dropped.StoryId);
            return EntryOutcome.DroppedCopy;
        }

        if (!verdict.IsNew)
        {
            return EntryOutcome.Duplicate;
        }

        emitter.Signal();
        if (verdict.Story is not null)
        {
            // The store already logs the link (with its similarity) as it claims; here it is only counted.
            tally.AddLinkedCopy();
        }

        if (article.Extraction.Method == ExtractionInfo.PageMethod)
        {
            return EntryOutcome.NewFromPage;
        }

        Log.PageFallback(logger, article.Url ?? article.Guid, article.FeedUrl, article.Extraction.FallbackReason);
        return EntryOutcome.NewFromFeed;
    }

    private static bool IsHtml(string? contentType) =>
        contentType is null
        || contentType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
}

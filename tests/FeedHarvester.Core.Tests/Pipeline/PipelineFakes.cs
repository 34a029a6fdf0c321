using System.Net;
using System.Text;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;

namespace FeedHarvester.Tests.Pipeline;

/// <summary>Feed states in a dictionary; reads or saves can be made to fail, and every save is kept in order.</summary>
internal sealed class MemoryFeedStates : IFeedStateStore
{
    private readonly Dictionary<string, FeedState> _states = new(StringComparer.Ordinal);

    public List<FeedState> Saved { get; } = [];

    public Exception? FailReads { get; set; }

    public Exception? FailSaves { get; set; }

    /// <summary>Called as a save starts, before it can fail: what the rest of the pipeline had done by then.</summary>
    public Action<FeedState>? Saving { get; set; }

    public void Put(FeedState state) => _states[state.FeedUrl] = state;

    public FeedState? Get(string feedUrl) => _states.GetValueOrDefault(feedUrl);

    public Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken) =>
        FailReads is { } fault ? Task.FromException<FeedState?>(fault) : Task.FromResult(_states.GetValueOrDefault(feedUrl));

    public Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        Saving?.Invoke(state);
        if (FailSaves is { } fault)
        {
            return Task.FromException(fault);
        }

        _states[state.FeedUrl] = state;
        Saved.Add(state);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedState>>(_states.Values.OrderBy(s => s.FeedUrl, StringComparer.Ordinal).ToList());
}

/// <summary>
/// Seen keys and the outbox in memory, with the one-step claim of the real stores; a claim can be made to fail, and an
/// article to be judged a dropped near-copy.
/// </summary>
internal sealed class MemoryDedupeStore : IDedupeStore
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<Article> _queued = [];

    public int Claims { get; private set; }

    public int SeenChecks { get; private set; }

    /// <summary>Given the claim's number (1 for the first), the fault it fails with, or null.</summary>
    public Func<int, Exception?>? FailClaim { get; set; }

    /// <summary>Given an article, the story it is a dropped copy of, or null.</summary>
    public Func<Article, StoryLink?>? DropAsCopy { get; set; }

    public void MarkSeen(DedupeKey key)
    {
        lock (_gate)
        {
            _ = _seen.Add(key.ToString());
        }
    }

    public Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SeenChecks++;
            return Task.FromResult<DedupeKey?>(keys.FirstOrDefault(k => _seen.Contains(k.ToString())) is { Value: not null } hit ? hit : null);
        }
    }

    public Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Claims++;
            if (FailClaim?.Invoke(Claims) is { } fault)
            {
                return Task.FromException<DedupeVerdict>(fault);
            }

            if (keys.Keys.FirstOrDefault(k => _seen.Contains(k.ToString())) is { Value: not null } matched)
            {
                return Task.FromResult(DedupeVerdict.Duplicate(matched));
            }

            foreach (var key in keys.Keys)
            {
                _ = _seen.Add(key.ToString());
            }

            if (DropAsCopy?.Invoke(article) is { } story)
            {
                return Task.FromResult(DedupeVerdict.DroppedCopy(story));
            }

            _queued.Add(article);
            return Task.FromResult(DedupeVerdict.New);
        }
    }

    /// <summary>Takes everything queued, as a sink round does.</summary>
    public List<Article> TakeQueued()
    {
        lock (_gate)
        {
            var taken = _queued.ToList();
            _queued.Clear();
            return taken;
        }
    }
}

/// <summary>Writes what the store queued into a list.</summary>
internal sealed class MemorySink(MemoryDedupeStore store) : IArticleSink
{
    private readonly Lock _gate = new();
    private readonly List<Article> _written = [];

    public IReadOnlyList<Article> Written
    {
        get
        {
            lock (_gate)
            {
                return _written.ToList();
            }
        }
    }

    /// <summary>How long each round takes after it took what was queued: a slow disk.</summary>
    public TimeSpan RoundDelay { get; set; }

    public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
    {
        var round = store.TakeQueued();
        if (RoundDelay > TimeSpan.Zero)
        {
            await Task.Delay(RoundDelay, cancellationToken);
        }

        lock (_gate)
        {
            _written.AddRange(round);
        }

        return new EmitResult(round.Count);
    }
}

/// <summary>A lease that is granted, or held by another worker.</summary>
internal sealed class FakeLease(bool heldElsewhere) : IPollLease
{
    public int Requests { get; private set; }

    public int Released { get; private set; }

    public Task<IAsyncDisposable?> TryAcquireAsync(string feedUrl, TimeSpan duration, CancellationToken cancellationToken)
    {
        Requests++;
        return Task.FromResult<IAsyncDisposable?>(heldElsewhere ? null : new Held(this));
    }

    private sealed class Held(FakeLease owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            owner.Released++;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A web site in memory: a response per path (404 for the rest), every request counted.</summary>
internal sealed class MemorySite : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _responses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int RequestsTo(string path)
    {
        lock (_gate)
        {
            return _requests.GetValueOrDefault(path);
        }
    }

    public int Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.Values.Sum();
            }
        }
    }

    public void Serve(string path, Func<HttpRequestMessage, HttpResponseMessage> respond) => _responses[path] = respond;

    public void Serve(string path, string contentType, string body, string? etag = null) => Serve(path, request =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        _ = response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (etag is not null)
        {
            _ = response.Headers.TryAddWithoutValidation("ETag", etag);
        }

        return response;
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Func<HttpRequestMessage, HttpResponseMessage>? respond;
        lock (_gate)
        {
            _requests[path] = _requests.GetValueOrDefault(path) + 1;
            respond = _responses.GetValueOrDefault(path);
        }

        var response = respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

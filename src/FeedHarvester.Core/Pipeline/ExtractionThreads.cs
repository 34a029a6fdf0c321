using System.Collections.Concurrent;

namespace FeedHarvester.Pipeline;

/// <summary>
/// A fixed set of long-lived threads that run the CPU-bound extraction, one page each at a time, in the order asked.
/// On the thread pool the same work ran on threads that came and went, and every page's large buffers (the decoded
/// text, the parser's own) were rented on one of them: a pooled array waits in the per-thread cache of the thread
/// that returned it, so with threads changing it was rarely found again, and a new one was allocated on the
/// large-object heap. On threads of their own the same few arrays serve every page. Callers await a task; the
/// work's continuation runs on the thread pool, never on these threads.
/// </summary>
internal sealed class ExtractionThreads : IDisposable
{
    // The name /proc shows (at most 15 characters), so the run summary can count these threads' CPU apart.
    public const string ThreadName = "Extraction";

    private readonly BlockingCollection<IWorkItem> _queue = new();
    private readonly Thread[] _threads;

    public ExtractionThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = ThreadName };
            _threads[i].Start();
        }
    }

    public int Count => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on one of the threads; cancelled while it waits, it never starts.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var item = new WorkItem<T>(work, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(ExtractionThreads));
        }

        return item.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item.Execute();
        }
    }

    private interface IWorkItem
    {
        void Execute();
    }

    private sealed class WorkItem<T> : IWorkItem
    {
        private readonly Func<T> _work;
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenRegistration _registration;

        public WorkItem(Func<T> work, CancellationToken cancellationToken)
        {
            _work = work;
            _cancellationToken = cancellationToken;
            _registration = cancellationToken.Register(static state => ((WorkItem<T>)state!).Cancel(), this);
        }

        public Task<T> Task => _outcome.Task;

        public void Execute()
        {
            _registration.Dispose();
            if (_outcome.Task.IsCompleted)
            {
                return; // cancelled while it waited
            }

            try
            {
                _ = _outcome.TrySetResult(_work());
            }
            catch (OperationCanceledException ex)
            {
                _ = _outcome.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                _ = _outcome.TrySetException(ex);
            }
        }

        private void Cancel() => _outcome.TrySetCanceled(_cancellationToken);
    }
}

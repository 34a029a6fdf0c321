using System.Net;
using System.Text;
using System.Text.Json;
using FeedHarvester.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// A small HTTP listener for orchestrators and the <c>healthcheck</c> command: <c>/healthz</c> (the process
/// answers), <c>/readyz</c> (scheduler running, store reachable, sink writing, configuration valid, no poll overdue; 503 with reasons
/// otherwise) and <c>/metrics</c> (Prometheus text, when metrics are registered: see <see cref="MetricsScraper"/> for
/// why they share this listener). A port already taken is a start-up error (<see cref="Bind"/>).
/// </summary>
/// <param name="metrics">Optional so the listener's registration works with or without <c>AddHarvesterMetrics</c>.</param>
internal sealed partial class HealthListener(ObservabilityOptions options, ReadinessProbe readiness, ILogger<HealthListener> logger, MetricsScraper? metrics = null) : BackgroundService
{
    private HttpListener? _listener;

    /// <summary>
    /// Binds <c>ListenUrl</c> now, before the host starts, so a taken port ends the start with one line (see
    /// <see cref="HealthListenerUnavailableException"/>) instead of a worker running on without endpoints. Does nothing when
    /// <c>ListenUrl</c> is empty.
    /// </summary>
    /// <exception cref="HealthListenerUnavailableException">The address cannot be listened on.</exception>
    public void Bind()
    {
        if (string.IsNullOrWhiteSpace(options.ListenUrl) || _listener is not null)
        {
            return;
        }

        var listener = new HttpListener();
        foreach (var prefix in HttpListenerPrefix.AllFor(options.ListenUrl))
        {
            listener.Prefixes.Add(prefix);
        }

        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            listener.Close();
            throw new HealthListenerUnavailableException(
                $"FeedHarvester:Observability:ListenUrl {options.ListenUrl} cannot be listened on ({ex.Message}): is another worker using that port? " +
                "Choose a free port, or set it empty to run without health endpoints",
                ex);
        }

        _listener = listener;
    }

    public override void Dispose()
    {
        _listener?.Close();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Bind();
        if (_listener is not { } listener)
        {
            return;
        }

        LogListening(logger, options.ListenUrl ?? string.Empty);
        await using var registration = stoppingToken.Register(listener.Stop).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var (status, body, contentType) = context.Request.Url?.AbsolutePath switch
            {
                "/healthz" => (200, "{\"status\":\"alive\"}", JsonType),
                "/readyz" => await ReadinessAsync().ConfigureAwait(false),
                "/metrics" when metrics is not null => (200, metrics.Scrape(), PrometheusTextRenderer.ContentType),
                _ => (404, "{\"status\":\"not found\"}", JsonType),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The caller went away; nothing to answer.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task<(int Status, string Body, string ContentType)> ReadinessAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var verdict = await readiness.CheckAsync(timeout.Token).ConfigureAwait(false);
        var health = readiness.State;
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["status"] = verdict.IsReady ? "ready" : "not ready",
            ["reasons"] = verdict.Reasons,
            ["notes"] = verdict.Notes,
            ["last_successful_poll"] = health.LastSuccessfulPoll is { } last ? Instant.Format(last) : null,
            ["store_reachable"] = health.StoreReachable,
            ["sink_writable"] = health.SinkFailure is null,
            ["configuration_valid"] = health.ConfigurationProblem is null,
        });
        return (verdict.IsReady ? 200 : 503, body, JsonType);
    }

    private const string JsonType = "application/json";

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Health endpoints on {ListenUrl} (/healthz, /readyz, /metrics)")]
    private static partial void LogListening(ILogger logger, string listenUrl);
}

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
/// why they share this listener). A port already taken is logged once and the worker runs on without it.
/// </summary>
/// <param name="metrics">Optional so the listener's registration works with or without <c>AddHarvesterMetrics</c>.</param>
internal sealed partial class HealthListener(ObservabilityOptions options, ReadinessProbe readiness, ILogger<HealthListener> logger, MetricsScraper? metrics = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.ListenUrl))
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(HttpListenerPrefix.FromListenUrl(options.ListenUrl));
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            LogNotListening(logger, options.ListenUrl, ex.Message);
            return;
        }

        LogListening(logger, options.ListenUrl);
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

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Health endpoints not served: {ListenUrl} could not be bound ({Reason}); the worker runs on without them")]
    private static partial void LogNotListening(ILogger logger, string listenUrl, string reason);
}

namespace FeedHarvester.Worker.Health;

/// <summary>
/// <c>Observability:ListenUrl</c> cannot be listened on (the port is taken, most often by another worker, or the
/// address is not this machine's). A start-up error: a worker without its endpoints would let a health check or a
/// Prometheus target on that port report whichever process holds it.
/// </summary>
internal sealed class HealthListenerUnavailableException(string message, Exception innerException) : Exception(message, innerException);

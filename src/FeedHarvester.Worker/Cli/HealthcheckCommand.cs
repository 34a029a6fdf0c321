using System.CommandLine;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester healthcheck [--url URL] [--config FILE]</c>: asks a running worker's /readyz; exit 0 when ready,
/// 1 when not (or not answering). For container HEALTHCHECKs and monitoring scripts.
/// </summary>
internal static class HealthcheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The worker's health listener (http://127.0.0.1:9464) or its /readyz URL; default FeedHarvester:Observability:ListenUrl." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: appsettings.json)." };
        var command = new Command("healthcheck", "Exit 0 when the running worker is ready, 1 when it is not.") { url, config };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(url), result.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? url, string? configFile, CancellationToken cancellationToken)
    {
        // Options as far as they bind: a configuration the running worker refused must not stop it being asked (it answers
        // not ready, saying why).
        var listenUrl = url ?? SettingsLoader.Load(ConfigurationLoader.Load(configFile, new Dictionary<string, string?>()), withFeeds: false)
            .Options.Observability.ListenUrl;
        if (ReadyzUrl(listenUrl) is not { } readyz)
        {
            await Console.Error.WriteLineAsync("feedharvester healthcheck: no health listener configured (FeedHarvester:Observability:ListenUrl)").ConfigureAwait(false);
            return 1;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(readyz, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"feedharvester healthcheck: {readyz}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>
    /// The /readyz address for a listener's base URL (<c>http://127.0.0.1:9464</c>, with or without a trailing slash) or
    /// for a URL that already names /readyz; null when there is none to ask.
    /// </summary>
    internal static Uri? ReadyzUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var given)
            || (given.Scheme != Uri.UriSchemeHttp && given.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = given.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/readyz", StringComparison.Ordinal)
            ? new UriBuilder(given) { Path = path }.Uri
            : new UriBuilder(given) { Path = path + "/readyz", Query = string.Empty }.Uri;
    }
}

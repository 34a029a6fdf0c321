using System.CommandLine;
using FeedHarvester.Fetching;
using FeedHarvester.Parsing;
using FeedHarvester.Worker.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester parse FILE|URL [--content-type VALUE] [--base-url URL] [--config FILE]</c>: the feed as the harvester
/// sees it, fetched with the configuration run uses (allowed private hosts, User-Agent, timeouts, size limits).
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A feed file or an http(s) URL." };
        var contentType = new Option<string?>("--content-type") { Description = "The Content-Type a file would have been served with (e.g. 'text/xml; charset=windows-1251')." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The URL the document came from, for resolving relative links." };
        var config = ToolOptions.ConfigOption();
        var command = new Command("parse", "Print a feed as the harvester parses it, as one JSON object.") { input, contentType, baseUrl, config };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(input)!, result.GetValue(contentType), result.GetValue(baseUrl), result.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string input, string? contentType, string? baseUrlText, string? configFile, CancellationToken cancellationToken)
    {
        var baseUrl = InputReader.ParseBaseUrl(baseUrlText, out var baseError);
        if (baseError is not null)
        {
            await Console.Error.WriteLineAsync("feedharvester parse: " + baseError).ConfigureAwait(false);
            return 2;
        }

        if (await ToolOptions.LoadAsync("parse", configFile).ConfigureAwait(false) is not { } loaded)
        {
            return RunCommand.InvalidConfigurationExitCode;
        }

        using var services = ToolServices.Build(loaded);
        var (document, error) = await InputReader.ReadAsync(input, FetchKind.Feed, services.GetRequiredService<HttpFetcher>, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            await Console.Error.WriteLineAsync($"feedharvester parse: {input}: {error}").ConfigureAwait(false);
            return 1;
        }

        var parsed = services.GetRequiredService<FeedParser>().Parse(new FeedDocument(
            document.Body, contentType ?? document.ContentType, baseUrl ?? document.Url, document.ContentLanguage));
        await Console.Out.WriteLineAsync(FeedParseResultJson.Serialize(parsed, indented: true)).ConfigureAwait(false);
        return 0;
    }
}

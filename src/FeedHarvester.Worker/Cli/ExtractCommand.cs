using System.CommandLine;
using System.Text.Json;
using FeedHarvester.Cleaning;
using FeedHarvester.Extraction;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;
using FeedHarvester.Worker.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester extract FILE|URL... [--base-url URL] [--config FILE]</c>: one normalized article record per input,
/// one per line, in input order, fetched and extracted with the configuration run uses. An input that cannot be read
/// gives a line <c>{"input", "error"}</c> so lines stay aligned.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML files or http(s) URLs.", Arity = ArgumentArity.OneOrMore };
        var baseUrl = new Option<string?>("--base-url") { Description = "The URL a file came from (its links and canonical URL resolve against it)." };
        var config = ToolOptions.ConfigOption();
        var command = new Command("extract", "Extract the article of each page and print it as a normalized JSON record.") { inputs, baseUrl, config };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(inputs)!, result.GetValue(baseUrl), result.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string? baseUrlText, string? configFile, CancellationToken cancellationToken)
    {
        var baseUrl = InputReader.ParseBaseUrl(baseUrlText, out var baseError);
        if (baseError is not null)
        {
            await Console.Error.WriteLineAsync("feedharvester extract: " + baseError).ConfigureAwait(false);
            return 2;
        }

        if (await ToolOptions.LoadAsync("extract", configFile).ConfigureAwait(false) is not { } loaded)
        {
            return RunCommand.InvalidConfigurationExitCode;
        }

        using var services = ToolServices.Build(loaded);
        var extractor = services.GetRequiredService<IArticleExtractor>();
        var assembler = new ArticleAssembler(services.GetRequiredService<ArticleNormalizer>(), services.GetRequiredService<HtmlCleaner>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var failures = 0;
        foreach (var input in inputs)
        {
            var (document, error) = await InputReader.ReadAsync(input, FetchKind.Page, services.GetRequiredService<HttpFetcher>, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                failures++;
                await Console.Error.WriteLineAsync($"feedharvester extract: {input}: {error}").ConfigureAwait(false);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string?> { ["input"] = input, ["error"] = error })).ConfigureAwait(false);
                continue;
            }

            var pageUrl = baseUrl ?? document.Url;
            var outcome = extractor.TryExtract(new HtmlPage(document.Body, document.ContentType, pageUrl), cancellationToken);
            var entry = new ParsedEntry { Id = pageUrl.AbsoluteUri, Link = pageUrl.AbsoluteUri };
            var normalization = new NormalizationInput(pageUrl.AbsoluteUri, new ParsedFeed(), entry, outcome.Article, pageUrl, PageFailure.NotExtracted(outcome), now)
            {
                PageMetadata = outcome.Metadata,
            };
            var article = assembler.Assemble(normalization);
            await Console.Out.WriteLineAsync(ArticleJson.Serialize(article)).ConfigureAwait(false);
        }

        return failures == 0 ? 0 : 1;
    }
}

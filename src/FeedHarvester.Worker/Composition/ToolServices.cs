using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Composition;

/// <summary>A small container for the one-shot tools (parse, extract): stages only, no store, quiet logging, the configured fetch settings.</summary>
internal static class ToolServices
{
    public static ServiceProvider Build(SettingsResult loaded) => Build(loaded.Options, loaded.Proxy.Proxy);

    private static ServiceProvider Build(HarvesterOptions options, FetchProxy? proxy) =>
        new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
                .AddFilter("Polly", LogLevel.None)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddHarvestStages(options.Fetching, options.Deduplication, proxy)
            .AddSingleton(options.Extraction)
            .BuildServiceProvider();
}

using System.ComponentModel.DataAnnotations;
using FeedHarvester.Deduplication;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// Binds every section and checks every rule, collecting all errors before reporting, so an operator
/// fixes a broken configuration in one pass. Errors name the configuration key and the bad value.
/// </summary>
public static class SettingsValidator
{
    public static (HarvesterSettings? Settings, IReadOnlyList<string> Errors) Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var root = Bind<HarvesterOptions>(configuration, HarvesterOptions.SectionName, errors);
        var fetching = Bind<FetchingOptions>(configuration, FetchingOptions.SectionName, errors);
        var scheduling = Bind<SchedulingOptions>(configuration, SchedulingOptions.SectionName, errors);
        var deduplication = Bind<DeduplicationOptions>(configuration, DeduplicationOptions.SectionName, errors);
        var extraction = Bind<ExtractionOptions>(configuration, ExtractionOptions.SectionName, errors);
        var storage = new LocalStoreOptions
        {
            DataDirectory = root.Storage.DataDirectory,
            OutputPath = string.IsNullOrWhiteSpace(root.Storage.OutputPath) ? null : root.Storage.OutputPath,
            SeenKeyRetention = root.Storage.SeenKeyRetention,
            ReseedFromOutput = root.Storage.ReseedFromOutput,
        };
        errors.AddRange(LocalStoreOptionsValidator.Collect(storage).Select(e => $"{HarvesterOptions.SectionName}:Storage: {e}"));

        var redis = BindPlain<RedisOptions>(configuration, RedisOptions.SectionName, errors);
        if (!string.IsNullOrWhiteSpace(redis.Configuration))
        {
            errors.AddRange(RedisOptionsValidator.Collect(redis).Select(e => $"{RedisOptions.SectionName}: {e}"));
            if (storage.ReseedFromOutput)
            {
                errors.Add($"{HarvesterOptions.SectionName}:Storage:ReseedFromOutput: applies to the embedded store only; " +
                    $"Redis mode keeps its seen keys in Redis (got 'True' with {RedisOptions.SectionName}:Configuration '{redis.Configuration}')");
            }
        }

        CheckObservability(configuration, errors);
        var (feeds, source) = ResolveFeeds(root, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new HarvesterSettings(feeds, source, fetching, scheduling, deduplication, storage, redis, extraction), errors);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : class, new()
    {
        var before = errors.Count;
        var options = BindPlain<T>(configuration, section, errors);
        if (errors.Count > before)
        {
            return options;
        }

        var results = new List<ValidationResult>();
        _ = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                var value = member.Length == 0 ? null : typeof(T).GetProperty(member)?.GetValue(options);
                errors.Add($"{section}:{member}: {result.ErrorMessage} (got '{value}')");
            }
        }

        return options;
    }

    private static void CheckObservability(IConfiguration configuration, List<string> errors)
    {
        var format = configuration[HarvesterHost.LogFormatKey];
        if (!string.IsNullOrEmpty(format) && format is not ("simple" or "json"))
        {
            errors.Add($"{HarvesterHost.LogFormatKey}: must be 'simple' or 'json' (got '{format}')");
        }

        const string listenKey = "FeedHarvester:Observability:ListenUrl";
        var listen = configuration[listenKey];
        if (!string.IsNullOrEmpty(listen)
            && (!Uri.TryCreate(listen, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{listenKey}: must be an http URL such as http://127.0.0.1:9464, or empty to turn the listener off (got '{listen}')");
        }

        const string otlpKey = "FeedHarvester:Observability:OtlpEndpoint";
        var otlp = configuration[otlpKey];
        if (!string.IsNullOrEmpty(otlp)
            && (!Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{otlpKey}: must be an http(s) URL such as http://127.0.0.1:4317 (got '{otlp}')");
        }
    }

    // Binding alone; options with their own validator (Redis) are checked by it instead of by attributes.
    private static T BindPlain<T>(IConfiguration configuration, string section, List<string> errors)
        where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section}: {ex.Message}");
        }

        return options;
    }

    /// <summary>
    /// Only the feed list, for a running service re-reading it: entries that cannot be read come back as errors
    /// (file:line where there is a file) beside the feeds that can.
    /// </summary>
    public static (IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<string> Errors) ReadFeeds(IConfiguration configuration)
    {
        var errors = new List<string>();
        var root = Bind<HarvesterOptions>(configuration, HarvesterOptions.SectionName, errors);
        var (feeds, _) = ResolveFeeds(root, errors);
        return (feeds, errors);
    }

    private static (IReadOnlyList<FeedDefinition> Feeds, string Source) ResolveFeeds(HarvesterOptions root, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(root.FeedsFile))
        {
            if (!File.Exists(root.FeedsFile))
            {
                errors.Add($"{HarvesterOptions.SectionName}:FeedsFile: '{root.FeedsFile}' does not exist");
                return ([], root.FeedsFile);
            }

            var list = FeedListReader.Read(root.FeedsFile);
            errors.AddRange(list.Errors);
            if (list.Feeds.Count == 0 && list.Errors.Count == 0)
            {
                errors.Add($"{HarvesterOptions.SectionName}:FeedsFile: '{root.FeedsFile}' lists no feeds");
            }

            return (list.Feeds, root.FeedsFile);
        }

        var feeds = new List<FeedDefinition>();
        for (var i = 0; i < root.Feeds.Count; i++)
        {
            var entry = root.Feeds[i];
            var key = $"{HarvesterOptions.SectionName}:Feeds:{i}";
            if (entry.Url is null)
            {
                errors.Add($"{key}:Url: missing");
                continue;
            }

            if (!FeedListReader.TryParseFeedUrl(entry.Url, out var url, out var why))
            {
                errors.Add($"{key}:Url: {why}");
                continue;
            }

            if (entry.Interval is { } interval && interval <= TimeSpan.Zero)
            {
                errors.Add($"{key}:Interval: must be positive (got '{interval}')");
                continue;
            }

            feeds.Add(new FeedDefinition(url, entry.Interval, entry.Title, entry.Category, entry.Enabled,
                string.IsNullOrWhiteSpace(entry.UserAgent) ? null : entry.UserAgent.Trim()));
        }

        if (feeds.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{HarvesterOptions.SectionName}:Feeds: no feeds configured (list them there, or pass --feeds FILE)");
        }

        return (feeds.DistinctBy(f => f.Url.AbsoluteUri).ToList(), "configuration");
    }
}

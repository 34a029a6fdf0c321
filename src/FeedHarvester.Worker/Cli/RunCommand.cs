using System.CommandLine;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Clustering;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Running;

namespace FeedHarvester.Worker.Cli;

/// <summary><c>feedharvester run [--once [--json]] [--config FILE] [--feeds FILE] [--data-dir DIR] [--output FILE] [--redis CONFIG] [--cluster CONNSTR] [--reseed-from-output]</c>.</summary>
internal static class RunCommand
{
    /// <summary>Exit code for a configuration that cannot run; every error is printed first.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Exit code when another worker holds the data directory or the output file.</summary>
    public const int StoreInUseExitCode = 3;

    /// <summary>Exit code when the data directory, database or output cannot be written (permissions, read-only, disk full).</summary>
    public const int StoreNotWritableExitCode = 4;

    /// <summary>Exit code when the database cannot be read: corrupt, not a database, or from a newer release.</summary>
    public const int DatabaseUnreadableExitCode = 5;

    /// <summary>Exit code when the output holds records but the database is new: the state was lost.</summary>
    public const int StateMissingExitCode = 6;

    /// <summary>Exit code when Redis does not answer at the start of a single run (or of tail).</summary>
    public const int RedisUnreachableExitCode = 7;

    /// <summary>Exit code of <c>run --once</c> when feeds were polled and not one poll succeeded.</summary>
    public const int NothingPolledExitCode = 8;

    /// <summary>Exit code when the cluster's PostgreSQL does not answer at start-up, or holds a schema newer than this release.</summary>
    public const int ClusterDatabaseExitCode = 9;

    /// <summary>Exit code when <c>Observability:ListenUrl</c> cannot be listened on (its port taken, most often by another worker).</summary>
    public const int HealthListenerUnavailableExitCode = 10;

    public static Command Create()
    {
        var command = new Command("run", "Run the harvester as a service (the default command), or once with --once.");
        Configure(command);
        return command;
    }

    /// <summary>Adds run's options and action to <paramref name="command"/> (also the root, so plain <c>feedharvester</c> runs).</summary>
    public static void Configure(Command command)
    {
        var once = new Option<bool>("--once") { Description = "Poll every feed once, finish every article, print a summary and exit (8 when no feed polled successfully)." };
        var json = new Option<bool>("--json") { Description = "With --once: print the summary as one JSON object." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: appsettings.json beside the program and in the working directory)." };
        var feeds = new Option<string?>("--feeds") { Description = "Feed list: one URL a line (# comments) or OPML. Replaces the configured feeds." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Directory for state (feedharvester.db) and output (articles.jsonl). Default ./data." };
        var output = new Option<string?>("--output") { Description = "JSON-lines output file. Default DATA-DIR/articles.jsonl." };
        var redis = new Option<string?>("--redis") { Description = "Redis mode: a StackExchange.Redis configuration string (e.g. 127.0.0.1:6379). State, seen keys and the article stream live there." };
        var cluster = new Option<string?>("--cluster") { Description = "Clustered mode (needs --redis): an Npgsql connection string (e.g. \"Host=127.0.0.1;Database=feedharvester;Username=fh\"). Every feed's job and trigger live in PostgreSQL, shared by the workers." };
        var reseed = new Option<bool>("--reseed-from-output") { Description = "If the database is new (lost) but the output holds records, rebuild the seen keys from the output instead of refusing to start." };
        command.Options.Add(once);
        command.Options.Add(json);
        command.Options.Add(config);
        command.Options.Add(feeds);
        command.Options.Add(dataDir);
        command.Options.Add(output);
        command.Options.Add(redis);
        command.Options.Add(cluster);
        command.Options.Add(reseed);
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            AddOverride(overrides, "FeedHarvester:FeedsFile", result.GetValue(feeds));
            AddOverride(overrides, "FeedHarvester:Storage:DataDirectory", result.GetValue(dataDir));
            AddOverride(overrides, "FeedHarvester:Storage:OutputPath", result.GetValue(output));
            AddOverride(overrides, "FeedHarvester:Redis:Configuration", result.GetValue(redis));
            AddOverride(overrides, "FeedHarvester:Cluster:ConnectionString", result.GetValue(cluster));
            AddOverride(overrides, "FeedHarvester:Storage:ReseedFromOutput", result.GetValue(reseed) ? "true" : null);
            return RunAsync(new RunRequest(result.GetValue(once), result.GetValue(json), result.GetValue(config), overrides), cancellationToken);
        });
    }

    private static async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        try
        {
            configuration = ConfigurationLoader.Load(request.ConfigFile, request.Overrides, reloadOnChange: !request.Once);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return InvalidConfigurationExitCode;
        }

        var loaded = SettingsLoader.Load(configuration);
        if (loaded.Settings is not { } settings)
        {
            return await ConfigurationErrors.ReportAsync(Console.Error, "feedharvester", loaded.Errors).ConfigureAwait(false);
        }

        if (Refusal(request, settings) is { } refusal)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {refusal}").ConfigureAwait(false);
            return InvalidConfigurationExitCode;
        }

        try
        {
            if (!request.Once)
            {
                return await HarvesterHost.RunServiceAsync(configuration, settings, cancellationToken).ConfigureAwait(false);
            }

            var summary = await HarvesterHost.RunOnceAsync(configuration, settings, cancellationToken).ConfigureAwait(false);
            var exitCode = OnceExitCode(summary, settings);
            await Console.Out.WriteLineAsync(request.Json ? HarvestSummaryJson.Serialize(summary, exitCode) : summary.Format()).ConfigureAwait(false);
            return exitCode;
        }
        catch (LocalStoreException ex)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return ExitCodeFor(ex.Fault);
        }
        catch (RedisAuthenticationException ex)
        {
            // Credentials are configuration: restarting with the same ones cannot help.
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return InvalidConfigurationExitCode;
        }
        catch (Health.HealthListenerUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return HealthListenerUnavailableExitCode;
        }
        catch (RedisUnreachableException ex)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return RedisUnreachableExitCode;
        }
        catch (ClusterDatabaseException ex)
        {
            await Console.Error.WriteLineAsync($"feedharvester: {ex.Message}").ConfigureAwait(false);
            return ClusterDatabaseExitCode;
        }
    }

    /// <summary>
    /// A combination run does not take, or null. A one-off pass polls every feed from this process at once, outside any
    /// schedule: in clustered mode that would be polls the cluster's schedule does not know of, so it is refused rather
    /// than the cluster quietly left out.
    /// </summary>
    internal static string? Refusal(RunRequest request, HarvesterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        if (request.Once && settings.UsesCluster)
        {
            return "run --once does not run in clustered mode (--cluster, FeedHarvester:Cluster:ConnectionString): a one-off pass polls every feed " +
                "outside the cluster's schedule. Run the service to join the cluster, or run --once without the cluster setting (with --redis it still shares the seen keys and the stream)";
        }

        return request.Json && !request.Once ? "--json is for run --once's summary: add --once, or leave --json out" : null;
    }

    // Nothing polled successfully fails a script's run. The built-in sample list is a demonstration of a fresh clone,
    // which also runs (and finishes normally) without network access: its summary says what failed.
    internal static int OnceExitCode(HarvestSummary summary, HarvesterSettings settings) =>
        summary.FeedsOk == 0 && summary.FeedsFailed > 0 && !settings.SampleFeeds ? NothingPolledExitCode : 0;

    internal static int ExitCodeFor(LocalStoreFault fault) => fault switch
    {
        LocalStoreFault.InUse => StoreInUseExitCode,
        LocalStoreFault.NotWritable => StoreNotWritableExitCode,
        LocalStoreFault.DatabaseUnreadable or LocalStoreFault.DatabaseTooNew => DatabaseUnreadableExitCode,
        LocalStoreFault.StateMissing => StateMissingExitCode,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "a store fault without an exit code"),
    };

    private static void AddOverride(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}

/// <summary>What <c>run</c> was asked to do.</summary>
internal sealed record RunRequest(bool Once, bool Json, string? ConfigFile, IReadOnlyDictionary<string, string?> Overrides);

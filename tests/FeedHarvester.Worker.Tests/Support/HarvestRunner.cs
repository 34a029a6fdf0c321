using System.Diagnostics;
using System.Text.Json;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Tests.Support;

/// <summary>Runs the harvester once, in process or as a real process, against a temporary data directory.</summary>
public sealed class HarvestRunner : IDisposable
{
    /// <param name="site">The loopback site the run may fetch from: the private-address guard lets exactly its host:port through.</param>
    public HarvestRunner(LoopbackSite? site = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("feedharvester-test-").FullName;
        AllowedHost = site is null ? null : $"127.0.0.1:{site.Port}";
    }

    public string? AllowedHost { get; }

    /// <summary>The environment a worker process needs to reach the test site.</summary>
    public Dictionary<string, string> Environment => AllowedHost is null
        ? []
        : new() { ["FeedHarvester__Fetching__AllowedPrivateHosts__0"] = AllowedHost };

    public string DataDirectory { get; }

    public string OutputPath => Path.Combine(DataDirectory, "articles.jsonl");

    /// <summary>Every log line of the in-process runs (Information and up).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <param name="customize">A last word on the services before the host is built (a test wraps the sink here).</param>
    internal async Task<HarvestSummary> RunOnceInProcessAsync(string feedsFile, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? customize = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = feedsFile,
            ["FeedHarvester:Storage:DataDirectory"] = DataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = AllowedHost,
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            overrides[pair.Key] = pair.Value;
        }

        var configuration = ConfigurationLoader.Load(null, overrides);
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        var builder = HarvesterHost.CreateBuilder(configuration, settings!);
        _ = builder.Services.AddSingleton<OnceRunner>();
        _ = builder.Logging.AddProvider(Logs);
        customize?.Invoke(builder.Services);
        using var host = builder.Build();
        return await host.Services.GetRequiredService<OnceRunner>().RunAsync(settings!.Feeds, CancellationToken.None);
    }

    /// <summary>The records in the output file, as JSON documents.</summary>
    public List<JsonElement> ReadOutput()
    {
        if (!File.Exists(OutputPath))
        {
            return [];
        }

        var records = File.ReadAllLines(OutputPath)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        records.ForEach(ArticleRecordSchema.AssertValid);
        return records;
    }

    /// <summary>Starts the real worker program (feedharvester.dll) with the given arguments.</summary>
    public static Process StartWorker(params string[] arguments) => StartWorker(new Dictionary<string, string>(), arguments);

    public static Process StartWorker(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartWorkerIn(null, environment, arguments);

    /// <param name="workingDirectory">Where the worker starts (its ./appsettings.json is read from there); default this process's.</param>
    public static Process StartWorkerIn(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "feedharvester.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var pair in environment)
        {
            info.Environment[pair.Key] = pair.Value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the worker");
    }

    /// <summary>Runs the worker to completion and returns its exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunWorkerAsync(params string[] arguments) =>
        RunWorkerAsync(new Dictionary<string, string>(), arguments);

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunWorkerAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunWorkerInAsync(null, environment, arguments);

    /// <summary>Runs the worker to completion in <paramref name="workingDirectory"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWorkerInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = StartWorkerIn(workingDirectory, environment, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

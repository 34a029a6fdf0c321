using System.Net;
using System.Net.Sockets;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace FeedHarvester.Tests.Health;

public sealed class HealthListenerTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Listen_LoopbackUnderEitherName_AnswersUnderBoth(string configuredHost)
    {
        var port = FreePort();
        await using var quartz = new ServiceCollection().AddQuartz().BuildServiceProvider();
        var options = new ObservabilityOptions { ListenUrl = $"http://{configuredHost}:{port}" };
        var health = new HealthState(new FakeTimeProvider(), () => true);
        var probe = new ReadinessProbe(health, new OverduePollCheck(quartz.GetRequiredService<ISchedulerFactory>(), options, TimeProvider.System), options);
        using var listener = new HealthListener(options, probe, NullLogger<HealthListener>.Instance);

        // As the service does before its host starts; ExecuteAsync runs on the thread pool and would race the requests.
        listener.Bind();
        await listener.StartAsync(CancellationToken.None);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            foreach (var host in new[] { "127.0.0.1", "localhost" })
            {
                using var response = await client.GetAsync($"http://{host}:{port}/healthz");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Bind_PortTaken_ThrowsNamingTheKeyAndTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var quartz = new ServiceCollection().AddQuartz().BuildServiceProvider();
        var options = new ObservabilityOptions { ListenUrl = $"http://127.0.0.1:{port}" };
        var probe = new ReadinessProbe(new HealthState(TimeProvider.System, () => true), new OverduePollCheck(quartz.GetRequiredService<ISchedulerFactory>(), options, TimeProvider.System), options);
        using var listener = new HealthListener(options, probe, NullLogger<HealthListener>.Instance);

        var error = Assert.Throws<HealthListenerUnavailableException>(listener.Bind);

        Assert.Contains($"FeedHarvester:Observability:ListenUrl http://127.0.0.1:{port} cannot be listened on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunService_HealthPortTaken_ExitsWithOneLineAndCode9()
    {
        using var runner = new HarvestRunner(null);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        await File.WriteAllTextAsync(feeds, "http://127.0.0.1:1/feed.xml\n");

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            new Dictionary<string, string> { ["FeedHarvester__Observability__ListenUrl"] = $"http://127.0.0.1:{port}" },
            "run", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Equal(RunCommand.HealthListenerUnavailableExitCode, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"feedharvester: FeedHarvester:Observability:ListenUrl http://127.0.0.1:{port} cannot be listened on", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9464", "http://127.0.0.1:9464/readyz")]
    [InlineData("http://127.0.0.1:9464/", "http://127.0.0.1:9464/readyz")]
    [InlineData("http://127.0.0.1:9464/readyz", "http://127.0.0.1:9464/readyz")]
    [InlineData("http://127.0.0.1:9464/readyz/", "http://127.0.0.1:9464/readyz")]
    [InlineData("http://worker.internal:9464/health", "http://worker.internal:9464/health/readyz")]
    public void ReadyzUrl_BaseOrReadyzUrl_AsksReadyz(string given, string expected)
    {
        Assert.Equal(expected, HealthcheckCommand.ReadyzUrl(given)?.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1:9464")]
    [InlineData("ftp://127.0.0.1/")]
    public void ReadyzUrl_NothingToAsk_Null(string? given)
    {
        Assert.Null(HealthcheckCommand.ReadyzUrl(given));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

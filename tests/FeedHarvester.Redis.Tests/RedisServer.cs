using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeedHarvester.Redis.Tests;

/// <summary>
/// One real redis-server process, started from TestData/redis.conf on a free loopback port with its own temporary directory.
/// Can be killed (SIGKILL) and started again on the same port and directory, which is how the restart tests work.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string ServerPath = "/usr/bin/redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string[] _extraArguments;
    private Process? _process;

    private RedisServer(int port, string directory, string[] extraArguments)
    {
        Port = port;
        Directory = directory;
        _extraArguments = extraArguments;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server and waits until it answers PING; <paramref name="extraArguments"/> are redis-server options ("--appendonly", "yes").</summary>
    public static Task<RedisServer> StartAsync(params string[] extraArguments) => StartOnPortAsync(FreePort(), extraArguments);

    /// <summary>Like <see cref="StartAsync"/> on a given port, e.g. one a client was already told to connect to.</summary>
    public static async Task<RedisServer> StartOnPortAsync(int port, params string[] extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "fh-redis-tests", Guid.NewGuid().ToString("N"));
        _ = System.IO.Directory.CreateDirectory(directory);
        var server = new RedisServer(port, directory, extraArguments);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the process (again) on the same port and directory; an AOF there is loaded back.</summary>
    public async Task StartAgainAsync()
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException(
                $"{ServerPath} is missing. The Redis tests need a real server and never skip: install it (apt-get install redis-server) or run tests/run.sh, which does.");
        }

        var config = Path.Combine(AppContext.BaseDirectory, "TestData", "redis.conf");
        var start = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[config, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Directory, .. _extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, e) => Append(output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPingAsync(output);
    }

    /// <summary>SIGKILL: no shutdown save, no AOF rewrite, exactly what a crash or power cut leaves (minus the page cache).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>SHUTDOWN: the orderly stop of a service restart; Redis fsyncs the AOF before it exits.</summary>
    public async Task ShutdownAsync()
    {
        if (_process is { HasExited: false } process)
        {
            try
            {
                _ = await SendAsync("SHUTDOWN");
            }
            catch (IOException)
            {
                // The server closes the connection instead of answering.
            }

            await process.WaitForExitAsync().WaitAsync(StartTimeout);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run for it is not worth it.
        }
    }

    /// <summary>Sends one inline command over a fresh socket and returns the first reply line ("+PONG", ":12").</summary>
    public async Task<string> SendAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    private async Task WaitForPingAsync(StringBuilder output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}: {Read(output)}");
            }

            try
            {
                // A server started with --requirepass answers an unauthenticated PING with NOAUTH: it is up all the same.
                var reply = await SendAsync("PING");
                if (reply == "+PONG" || reply.StartsWith("-NOAUTH", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Listening but still loading the AOF.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within {StartTimeout}: {Read(output)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                _ = output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

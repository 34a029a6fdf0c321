using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeedHarvester.Redis.Tests;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// One real PostgreSQL server, made with initdb in its own temporary directory and run with pg_ctl on a free loopback port
/// (its socket in that directory too). Can be stopped and started again on the same port and data, which is how the restart
/// tests work. PostgreSQL refuses to run as root, so under root the server runs as nobody.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const int NobodyId = 65534;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>The Npgsql connection string of the server's postgres database, as the worker takes it.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres");

    /// <summary>Makes a new cluster (initdb) and starts it.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory();
        var directory = Path.Combine(Path.GetTempPath(), "fh-postgres-tests", Guid.NewGuid().ToString("N"));
        // World-writable, so the server running as nobody can create its data directory, socket and log here.
        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        _ = System.IO.Directory.CreateDirectory(directory);
        File.SetUnixFileMode(Path.GetDirectoryName(directory)!, Open);
        File.SetUnixFileMode(directory, Open);
        var server = new PostgresServer(bin, directory, RedisServer.FreePort());
        _ = await server.RunAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and data; returns once it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "30",
        "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"),
        "start");

    /// <summary>The orderly stop of a service restart (fast: sessions are ended, the server shuts down cleanly).</summary>
    public Task StopAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            _ = await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run for it is not worth it.
        }
    }

    /// <summary>
    /// The directory holding initdb and pg_ctl: on PATH, or the newest /usr/lib/postgresql/N/bin (Debian installs them there
    /// and puts neither on PATH).
    /// </summary>
    private static string BinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string Debian = "/usr/lib/postgresql";
        var installed = System.IO.Directory.Exists(Debian)
            ? System.IO.Directory.GetDirectories(Debian)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")) && File.Exists(Path.Combine(d.Bin, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "initdb and pg_ctl are missing. The cluster tests need a real PostgreSQL and never skip: install it (apt-get install postgresql) or run tests/run.sh, which does.");
    }

    private async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var asNobody = Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asNobody ? "setpriv" : Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        if (asNobody)
        {
            foreach (var argument in (string[])[$"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", Path.Combine(_bin, tool)])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        _ = output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(Directory, "server.log");
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {output}{(File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log) : string.Empty)}");
        }

        return output.ToString();
    }
}

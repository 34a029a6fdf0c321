using System.Globalization;

namespace FeedHarvester.RedisBench;

/// <summary>Command line: [--redis CONFIG] [--articles N] [--concurrency C] [--xadd-requests N].</summary>
internal sealed record BenchOptions(string? Redis, int Articles, int Concurrency, int XaddRequests)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(null, 20_000, 16, 100_000);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--redis" => options with { Redis = value },
                "--articles" => options with { Articles = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--xadd-requests" => options with { XaddRequests = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. Usage: [--redis HOST:PORT] [--articles N] [--concurrency C] [--xadd-requests N]"),
            };
            i++;
        }

        return options;
    }
}

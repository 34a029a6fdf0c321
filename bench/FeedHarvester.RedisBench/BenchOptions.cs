using System.Globalization;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.RedisBench;

/// <summary>
/// Command line: [--redis CONFIG] [--articles N] [--concurrency C] [--xadd-requests N] [--near-duplicates off|link|drop]
/// [--copies K]. With a near-duplicate policy every article gets its own text and a near-duplicate check, and each story
/// is published <c>K</c> times (on K sites, as syndication does).
/// </summary>
internal sealed record BenchOptions(string? Redis, int Articles, int Concurrency, int XaddRequests, NearDuplicatePolicy NearDuplicates, int Copies)
{
    private const string Usage = "Usage: [--redis HOST:PORT] [--articles N] [--concurrency C] [--xadd-requests N] [--near-duplicates off|link|drop] [--copies K]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(null, 20_000, 16, 100_000, NearDuplicatePolicy.Off, 1);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--redis" => options with { Redis = value },
                "--articles" => options with { Articles = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--xadd-requests" => options with { XaddRequests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--near-duplicates" => options with { NearDuplicates = Enum.Parse<NearDuplicatePolicy>(value, ignoreCase: true) },
                "--copies" => options with { Copies = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. {Usage}"),
            };
            i++;
        }

        if (options.Copies < 1 || (options.Copies > 1 && options.NearDuplicates == NearDuplicatePolicy.Off))
        {
            throw new ArgumentException($"--copies must be at least 1, and above 1 only with --near-duplicates link or drop. {Usage}");
        }

        return options;
    }
}

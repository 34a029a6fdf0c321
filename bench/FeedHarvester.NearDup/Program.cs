using System.Globalization;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.NearDup;

// Exit codes: 0 done (the figures are the result), 2 bad arguments or unreadable input.
const string Usage = """
    Usage:
      pairs --truth DIR/truth.jsonl --emitted FILE   precision/recall of story_id pairs on a newsfarm universe
      simulate --truth DIR/truth.jsonl [--out FILE] [--threshold X]
                                                     the same for the records a perfect harvest would emit
      fixtures [--threshold X] [--show N]            pairs built from the project's own texts and their copies
      cost [--rounds N] [--data DIR]                 time and allocations per article, against extraction time
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var options = Options(args.Skip(1).ToArray());
    return args[0] switch
    {
        "pairs" => PairsCommand.Run(Required(options, "--truth"), Required(options, "--emitted")),
        "simulate" => SimulateCommand.Run(Required(options, "--truth"), options.GetValueOrDefault("--out"),
            Number(options, "--threshold", MinHashTuning.DefaultSimilarity)),
        "fixtures" => FixturesCommand.Run(Number(options, "--threshold", MinHashTuning.DefaultSimilarity), (int)Number(options, "--show", 5)),
        "cost" => CostCommand.Run((int)Number(options, "--rounds", 30), options.GetValueOrDefault("--data")),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
    };
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
        }

        options[args[i]] = args[i + 1];
    }

    return options;
}

static string Required(Dictionary<string, string> options, string name) =>
    options.GetValueOrDefault(name) ?? throw new ArgumentException($"{name} is required.");

static double Number(Dictionary<string, string> options, string name, double fallback) =>
    options.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

using System.Globalization;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Generation;
using FeedHarvester.Fuzz.Supervision;

namespace FeedHarvester.Fuzz;

/// <summary>
/// The fuzz harness as a program (the tests use the same classes):
/// <c>[round] [--minutes N | --seconds N] [--seed SEED] [--cases N] [--out DIR]</c> runs a round;
/// <c>case SEED</c> runs one generated case; <c>replay FILE</c> runs a finding (or any file, with
/// <c>--kind feed|page</c> and <c>--content-type</c>); <c>adopt FILE.finding.json NAME [--awaits BRANCH]</c>
/// makes a finding a named fixture in Findings/; <c>worker</c> is the child process the others start.
/// </summary>
internal static class Program
{
    private const int FindingsExitCode = 1;
    private const int UsageExitCode = 2;

    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "round";
        var options = ParseOptions(args.Length > 0 && command == args[0] ? args[1..] : args, out var positional);
        try
        {
            return command switch
            {
                "worker" => WorkerLoop.Run(Console.In, Console.Out),
                "round" => await RoundAsync(options).ConfigureAwait(false),
                "case" when positional.Count == 1 => await CaseAsync(positional[0], options).ConfigureAwait(false),
                "replay" when positional.Count == 1 => await ReplayAsync(positional[0], options).ConfigureAwait(false),
                "slots" when positional.Count == 1 => Slots(positional[0]),
                "adopt" when positional.Count == 2 => await AdoptAsync(positional[0], positional[1], options).ConfigureAwait(false),
                _ => Usage(),
            };
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return Usage();
        }
    }

    private static async Task<int> RoundAsync(Dictionary<string, string> options)
    {
        var seed = options.GetValueOrDefault("seed") ?? CaseSeeds.NewRoundSeed();
        var duration = options.TryGetValue("minutes", out var minutes) ? TimeSpan.FromMinutes(Number(minutes))
            : options.TryGetValue("seconds", out var seconds) ? TimeSpan.FromSeconds(Number(seconds))
            : TimeSpan.FromMinutes(1);
        int? cases = options.TryGetValue("cases", out var count) ? (int)Number(count) : null;
        var output = options.GetValueOrDefault("out") ?? OutputRoot.For(seed);
        Console.WriteLine($"fuzz round: seed {seed}, {duration.TotalMinutes:F1} min{(cases is null ? "" : $", at most {cases} cases")}, findings to {output}");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = await new RoundSupervisor(new RoundOptions(seed, duration, cases, output) { Verbose = options.ContainsKey("verbose") }, Console.Out).RunAsync(cancel.Token).ConfigureAwait(false);
        Console.WriteLine(report.Summary());
        return report.Clean ? 0 : FindingsExitCode;
    }

    private static async Task<int> CaseAsync(string caseSeed, Dictionary<string, string> options)
    {
        var corpus = SeedCorpus.Load();
        var fuzzCase = new FuzzCaseGen(corpus).Generate(caseSeed);
        Console.WriteLine(fuzzCase.Describe());
        var verdict = await Isolated.RunAsync(new WorkerJob { Case = fuzzCase, Budgets = BudgetsFrom(options) }).ConfigureAwait(false);
        Print(verdict);
        if (!verdict.Passed)
        {
            var writer = new FindingWriter(options.GetValueOrDefault("out") ?? OutputRoot.For("cases"), corpus, "(single case)");
            Console.WriteLine($"saved: {writer.Write(new Finding(verdict, fuzzCase, caseSeed, 0))}");
        }

        return verdict.Passed ? 0 : FindingsExitCode;
    }

    private static async Task<int> ReplayAsync(string path, Dictionary<string, string> options)
    {
        WorkerJob job;
        if (path.EndsWith(".finding.json", StringComparison.Ordinal))
        {
            var manifest = FindingManifest.Load(path);
            Console.WriteLine($"{manifest.Name}: {manifest.Stage} {manifest.Symptom} when found ({manifest.Detail})");
            job = manifest.Job(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        else
        {
            job = new WorkerJob
            {
                File = Path.GetFullPath(path),
                Kind = options.TryGetValue("kind", out var kind) ? Enum.Parse<InputKind>(kind, ignoreCase: true) : null,
                ContentType = options.GetValueOrDefault("content-type"),
            };
        }

        var verdict = await Isolated.RunAsync(job with { Budgets = BudgetsFrom(options) }).ConfigureAwait(false);
        Print(verdict);
        return verdict.Passed ? 0 : FindingsExitCode;
    }

    /// <summary>Lists a fixture's content insertion points with the pick that selects each, for writing recipes by hand.</summary>
    private static int Slots(string fixture)
    {
        var document = Mutations.FuzzDocument.From(SeedCorpus.Load().Get(fixture));
        var content = Mutations.MarkupScanner.Slots(document).Where(s => s.InContent).ToList();
        for (var pick = 0; pick < content.Count; pick++)
        {
            var at = content[pick].Position;
            var before = document.Raw[Math.Max(0, at - 50)..at].ReplaceLineEndings(" ");
            Console.WriteLine($"pick {pick}: {content[pick].Context} after …{before}");
        }

        return 0;
    }

    private static async Task<int> AdoptAsync(string manifest, string name, Dictionary<string, string> options)
    {
        var directory = options.GetValueOrDefault("to") ?? OutputRoot.Findings();
        var path = await new FindingAdopter(SeedCorpus.Load()).AdoptAsync(manifest, name, options.GetValueOrDefault("awaits"), directory)
            .ConfigureAwait(false);
        Console.WriteLine(path is null ? $"{manifest} passes today: nothing to adopt" : $"adopted: {path}");
        return path is null ? FindingsExitCode : 0;
    }

    /// <summary>The default budgets, or others given with --cpu and --wall (seconds), to see how far past them an input goes.</summary>
    private static Budgets BudgetsFrom(Dictionary<string, string> options)
    {
        var budgets = new Budgets();
        if (options.TryGetValue("cpu", out var cpu))
        {
            budgets = budgets with { Cpu = TimeSpan.FromSeconds(Number(cpu)), Wall = TimeSpan.FromSeconds(Number(cpu) * 4) };
        }

        return options.TryGetValue("wall", out var wall) ? budgets with { Wall = TimeSpan.FromSeconds(Number(wall)) } : budgets;
    }

    private static void Print(InputVerdict verdict) => Console.WriteLine(verdict.Passed
        ? string.Create(CultureInfo.InvariantCulture,
            $"passed: {verdict.InputBytes} bytes, {verdict.CpuMs / 1000:F2} s CPU, {verdict.WallMs / 1000:F2} s wall, allocated {verdict.AllocatedBytes >> 20} MiB, working set +{verdict.WorkingSetGrowth >> 20} MiB")
        : $"FAILED in {verdict.Stage}: {verdict.Symptom}: {verdict.Detail}");

    private static Dictionary<string, string> ParseOptions(string[] args, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--verbose")
            {
                options["verbose"] = "true";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return options;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"not a positive number: {text}");

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tests/FeedHarvester.Fuzz.Tests -- [round] [--minutes N | --seconds N] [--seed SEED] [--cases N] [--out DIR] [--verbose]
                                                                                  case CASE-SEED [--out DIR] [--cpu SECONDS] [--wall SECONDS]
                                                                                  replay FILE.finding.json | FILE [--kind feed|page] [--content-type TYPE] [--cpu SECONDS] [--wall SECONDS]
                                                                                  slots FIXTURE   (content insertion points and their picks)
                                                                                  adopt FILE.finding.json NAME [--awaits BRANCH] [--to DIR]
            """);
        return UsageExitCode;
    }
}

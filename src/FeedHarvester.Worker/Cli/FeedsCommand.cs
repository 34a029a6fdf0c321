using System.CommandLine;
using FeedHarvester.Feeds;
using FeedHarvester.Worker.Composition;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester feeds import FILE [--to FILE]</c>, <c>feeds export [--feeds FILE] [--out FILE]</c> and
/// <c>feeds list [--feeds FILE]</c>: move feed lists between OPML (what feed readers speak) and the plain format, and show
/// what the worker would poll. Bad entries are reported with file:line and skipped; the exit code is then 1.
/// </summary>
internal static class FeedsCommand
{
    /// <param name="output">Where results go; default standard output (tests pass a StringWriter).</param>
    /// <param name="error">Where problems go; default standard error.</param>
    public static Command Create(TextWriter? output = null, TextWriter? error = null)
    {
        var command = new Command("feeds", "Import, export and list feed lists (plain lists and OPML).");
        command.Subcommands.Add(CreateImport(output, error));
        command.Subcommands.Add(CreateExport(output, error));
        command.Subcommands.Add(CreateList(output, error));
        return command;
    }

    private static Command CreateImport(TextWriter? output, TextWriter? error)
    {
        var file = new Argument<string>("FILE") { Description = "The OPML file (or plain list) to import." };
        var to = new Option<string?>("--to") { Description = "Feeds file to merge into (created when missing; OPML when it ends in .opml or .xml). Default: print a plain list." };
        var command = new Command("import", "Convert OPML to the plain list format, or merge it into a feeds file, skipping feeds already there.") { file, to };
        command.SetAction(result => FeedsImport.Run(result.GetValue(file)!, result.GetValue(to), output ?? Console.Out, error ?? Console.Error));
        return command;
    }

    private static Command CreateExport(TextWriter? output, TextWriter? error)
    {
        var feeds = FeedsOption();
        var config = ConfigOption();
        var outFile = new Option<string?>("--out") { Description = "Write the OPML here instead of standard output." };
        var command = new Command("export", "Write the feeds (of --feeds, else of the configuration) as OPML 2.0 with their options.") { feeds, config, outFile };
        command.SetAction(result =>
        {
            var (list, errors) = Load(result.GetValue(feeds), result.GetValue(config));
            var opml = OpmlWriter.Write(list);
            var path = result.GetValue(outFile);
            if (path is null)
            {
                (output ?? Console.Out).Write(opml);
            }
            else
            {
                FeedsImport.ReplaceFile(path, opml);
            }

            return Report(errors, error ?? Console.Error);
        });
        return command;
    }

    private static Command CreateList(TextWriter? output, TextWriter? error)
    {
        var feeds = FeedsOption();
        var config = ConfigOption();
        var command = new Command("list", "Print the feeds (of --feeds, else of the configuration) with their options.") { feeds, config };
        command.SetAction(result =>
        {
            var (list, errors) = Load(result.GetValue(feeds), result.GetValue(config));
            var writer = output ?? Console.Out;
            TextTable.Write(writer, ["URL", "INTERVAL", "ENABLED", "CATEGORY", "TITLE", "USER-AGENT"], list
                .OrderBy(f => f.Url.AbsoluteUri, StringComparer.Ordinal)
                .Select(f => (IReadOnlyList<string>)[
                    f.Url.AbsoluteUri,
                    f.Interval is { } interval ? OpmlWriter.FormatInterval(interval) : "default",
                    f.Enabled ? "yes" : "no",
                    f.Category ?? "-",
                    f.Title ?? "-",
                    f.UserAgent ?? "default"]));
            writer.WriteLine($"{list.Count} feeds, {list.Count(f => f.Enabled)} enabled");
            return Report(errors, error ?? Console.Error);
        });
        return command;
    }

    /// <summary>The feeds of a file, or of the configuration the worker would use, with every unreadable entry.</summary>
    internal static (IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<string> Errors) Load(string? feedsFile, string? configFile)
    {
        if (feedsFile is not null)
        {
            if (!File.Exists(feedsFile))
            {
                return ([], [$"{feedsFile}: no such file"]);
            }

            var list = FeedListReader.Read(feedsFile);
            return (list.Feeds, list.Errors);
        }

        try
        {
            return SettingsValidator.ReadFeeds(ConfigurationLoader.Load(configFile, new Dictionary<string, string?>()));
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or FormatException)
        {
            return ([], [ex.Message]);
        }
    }

    internal static int Report(IReadOnlyList<string> errors, TextWriter error)
    {
        foreach (var problem in errors)
        {
            error.WriteLine("feedharvester feeds: " + problem);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static Option<string?> FeedsOption() =>
        new("--feeds") { Description = "Feed list file (plain or OPML). Default: the configured feeds (FeedHarvester:FeedsFile or FeedHarvester:Feeds)." };

    private static Option<string?> ConfigOption() =>
        new("--config") { Description = "Configuration file (default: appsettings.json)." };
}

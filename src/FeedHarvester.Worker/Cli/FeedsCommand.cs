using System.CommandLine;
using FeedHarvester.Feeds;
using FeedHarvester.Settings;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester feeds import|export|list|add|remove|enable|disable|reset</c>: move feed lists between OPML (what feed
/// readers speak), HTML pages and the plain format, show what the worker would poll (read by the same rule as
/// <c>run</c>), edit a feeds file by URL, and clear a feed's stored state. Bad entries are reported with file:line (or
/// key and URL) and skipped; the exit code is then 1.
/// </summary>
internal static class FeedsCommand
{
    /// <param name="output">Where results go; default standard output (tests pass a StringWriter).</param>
    /// <param name="error">Where problems go; default standard error.</param>
    public static Command Create(TextWriter? output = null, TextWriter? error = null)
    {
        var command = new Command("feeds", "Import, export, list and edit feed lists (plain lists, OPML, HTML pages), and reset a feed's state.");
        command.Subcommands.Add(CreateImport(output, error));
        command.Subcommands.Add(CreateExport(output, error));
        command.Subcommands.Add(CreateList(output, error));
        foreach (var edit in FeedListEdit.All)
        {
            command.Subcommands.Add(CreateEdit(edit, output, error));
        }

        command.Subcommands.Add(FeedReset.Create(output, error));
        return command;
    }

    private static Command CreateImport(TextWriter? output, TextWriter? error)
    {
        var file = new Argument<string>("FILE") { Description = "The OPML file, HTML page (its <link rel=\"alternate\"> feeds) or plain list to import." };
        var to = new Option<string?>("--to") { Description = "Feeds file to merge into (created when missing; OPML when it ends in .opml or .xml). Default: print a plain list." };
        var command = new Command("import", "Convert OPML or a page's feeds to the plain list format, or merge them into a feeds file, skipping feeds already there.") { file, to };
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
            // A conversion keeps every feed the list has, also one faster than the interval floor the worker would refuse.
            var loaded = Load(result.GetValue(feeds), result.GetValue(config), intervalFloor: false);
            var opml = OpmlWriter.Write(loaded.Feeds);
            var path = result.GetValue(outFile);
            if (path is null)
            {
                (output ?? Console.Out).Write(opml);
            }
            else
            {
                FeedsImport.ReplaceFile(path, opml);
            }

            return Report(loaded, error ?? Console.Error);
        });
        return command;
    }

    private static Command CreateList(TextWriter? output, TextWriter? error)
    {
        var feeds = FeedsOption();
        var config = ConfigOption();
        var command = new Command("list", "Print the feeds the worker would poll (of --feeds, else of the configuration) with their options.") { feeds, config };
        command.SetAction(result =>
        {
            var loaded = Load(result.GetValue(feeds), result.GetValue(config));
            var writer = output ?? Console.Out;
            TextTable.Write(writer, ["URL", "INTERVAL", "ENABLED", "CATEGORY", "TITLE", "USER-AGENT"], loaded.Feeds
                .OrderBy(f => f.Url.AbsoluteUri, StringComparer.Ordinal)
                .Select(f => (IReadOnlyList<string>)[
                    f.Url.AbsoluteUri,
                    f.Interval is { } interval ? Duration.Format(interval) : "default",
                    f.Enabled ? "yes" : "no",
                    f.Category ?? "-",
                    f.Title ?? "-",
                    f.UserAgent ?? "default"]));
            writer.WriteLine($"{loaded.Feeds.Count} feeds, {loaded.Feeds.Count(f => f.Enabled)} enabled");
            return Report(loaded, error ?? Console.Error);
        });
        return command;
    }

    private static Command CreateEdit(FeedListEdit edit, TextWriter? output, TextWriter? error)
    {
        var url = new Argument<string>("URL") { Description = "The feed's URL." };
        var feeds = FeedsOption();
        var config = ConfigOption();
        var command = new Command(edit.Name, edit.Description) { url, feeds, config };
        var interval = new Option<string?>("--interval") { Description = "The feed's own poll interval (30m, 2h, …)." };
        var title = new Option<string?>("--title") { Description = "A display name." };
        var category = new Option<string?>("--category") { Description = "A category." };
        var disabled = new Option<bool>("--disabled") { Description = "List the feed, but do not poll it." };
        if (edit == FeedListEdit.Add)
        {
            command.Options.Add(interval);
            command.Options.Add(title);
            command.Options.Add(category);
            command.Options.Add(disabled);
        }

        command.SetAction(result =>
        {
            var problems = error ?? Console.Error;
            var loaded = Load(result.GetValue(feeds), result.GetValue(config));
            if (string.IsNullOrWhiteSpace(loaded.Options.FeedsFile))
            {
                problems.WriteLine($"feedharvester feeds: {edit.Name} edits a feed list file: pass --feeds FILE or set FeedHarvester:FeedsFile " +
                    "(a list in FeedHarvester:Feeds is edited in its configuration file)");
                return 1;
            }

            if (!FeedEntryRules.TryParseUrl(result.GetValue(url)!, out var feedUrl, out var why))
            {
                problems.WriteLine("feedharvester feeds: " + why);
                return 1;
            }

            TimeSpan? every = null;
            if (result.GetValue(interval) is { } text)
            {
                if (!Duration.TryParse(text, out var parsed, out var problem))
                {
                    problems.WriteLine("feedharvester feeds: --interval " + problem);
                    return 1;
                }

                every = parsed;
            }

            var feed = new FeedDefinition(feedUrl, every, result.GetValue(title), result.GetValue(category), !result.GetValue(disabled));
            return FeedListEditor.Apply(edit, loaded.Options.FeedsFile, feed, loaded.Options.Scheduling.IntervalFloor, output ?? Console.Out, problems);
        });
        return command;
    }

    /// <summary>The feeds the worker would poll with this configuration (and --feeds FILE), by the rule run applies.</summary>
    internal static SettingsResult Load(string? feedsFile, string? configFile, bool intervalFloor = true)
    {
        var overrides = new Dictionary<string, string?>();
        if (feedsFile is not null)
        {
            overrides["FeedHarvester:FeedsFile"] = feedsFile;
        }

        return SettingsLoader.Load(ConfigurationLoader.Load(configFile, overrides), intervalFloor: intervalFloor);
    }

    internal static int Report(IReadOnlyList<string> errors, TextWriter error)
    {
        foreach (var problem in errors)
        {
            error.WriteLine("feedharvester feeds: " + problem);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    // Notes (the sample list in use, a list that replaced another) are said, but only problems fail the command.
    private static int Report(SettingsResult loaded, TextWriter error)
    {
        foreach (var note in loaded.Notes)
        {
            error.WriteLine("feedharvester feeds: " + note);
        }

        return Report([.. loaded.SkippedFeeds, .. loaded.Errors], error);
    }

    private static Option<string?> FeedsOption() =>
        new("--feeds") { Description = "Feed list file (plain, OPML or HTML). Default: the configured feeds (FeedHarvester:FeedsFile or FeedHarvester:Feeds)." };

    private static Option<string?> ConfigOption() =>
        new("--config") { Description = "Configuration file (default: appsettings.json)." };
}

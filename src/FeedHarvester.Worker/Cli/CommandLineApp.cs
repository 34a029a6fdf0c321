using System.CommandLine;

namespace FeedHarvester.Worker.Cli;

/// <summary>The <c>feedharvester</c> command line: run (the default), parse, extract, tail, healthcheck, status, feeds.</summary>
internal static class CommandLineApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("FeedHarvester: polls news feeds, extracts each article and emits it once as a JSON record.");
        RunCommand.Configure(root);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(TailCommand.Create());
        root.Subcommands.Add(HealthcheckCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(FeedsCommand.Create());
        return root;
    }
}

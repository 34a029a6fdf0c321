namespace FeedHarvester.Worker.Cli;

/// <summary>The edits <c>feeds add|remove|enable|disable URL</c> make to a feeds file.</summary>
internal sealed record FeedListEdit(string Name, string Description)
{
    public static readonly FeedListEdit Add = new("add", "Add a feed to the feeds file (with --interval, --title, --category, --disabled).");
    public static readonly FeedListEdit Remove = new("remove", "Remove a feed from the feeds file.");
    public static readonly FeedListEdit Enable = new("enable", "Poll a listed feed again.");
    public static readonly FeedListEdit Disable = new("disable", "Keep a feed listed, but stop polling it.");

    public static IReadOnlyList<FeedListEdit> All { get; } = [Add, Remove, Enable, Disable];
}

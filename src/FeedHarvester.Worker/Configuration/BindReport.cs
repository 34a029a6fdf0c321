namespace FeedHarvester.Worker.Configuration;

/// <summary>What binding found besides the values: errors, the entries of lists of records one by one, and lists taken whole from one source.</summary>
internal sealed class BindReport
{
    private readonly Dictionary<string, List<BoundEntry>> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Unknown keys, values that cannot be read, lists that are not lists: each stops the start.</summary>
    public List<ConfigurationProblem> Errors { get; } = [];

    /// <summary>Lists a source sets to empty (<c>[]</c>) rather than leaving unset.</summary>
    public HashSet<string> EmptyLists { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lists found in more than one source, with the one that was taken (for the start-up log).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Each record of the list at <paramref name="listKey"/> (FeedHarvester:Feeds) with its true index and its own problems.</summary>
    public IReadOnlyList<BoundEntry> EntriesOf(string listKey) => _entries.GetValueOrDefault(listKey) ?? [];

    public void AddEntry(string listKey, BoundEntry entry)
    {
        if (!_entries.TryGetValue(listKey, out var list))
        {
            _entries[listKey] = list = [];
        }

        list.Add(entry);
    }
}

using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// The configuration as its sources hold it, not only as merged: which keys exist under a path, the winning value, and
/// which source a key came from. The binder walks it; a list is read from one source only (<see cref="Only"/>).
/// </summary>
internal sealed class ConfigurationTree
{
    private readonly IReadOnlyList<IConfigurationProvider> _providers;

    public ConfigurationTree(IConfigurationRoot root)
        : this(root.Providers.ToList())
    {
    }

    private ConfigurationTree(IReadOnlyList<IConfigurationProvider> providers) => _providers = providers;

    /// <summary>The keys directly under <paramref name="path"/> (null: the top level), each once, spelled as the winning source spells it.</summary>
    public IReadOnlyList<string> Children(string? path)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in _providers)
        {
            foreach (var key in provider.GetChildKeys([], path))
            {
                keys[key] = key;
            }
        }

        return keys.Values.ToList();
    }

    /// <summary>The value the last source holding <paramref name="path"/> gives it (null for a JSON null or an empty object).</summary>
    public bool TryGetValue(string path, out string? value)
    {
        for (var i = _providers.Count - 1; i >= 0; i--)
        {
            if (_providers[i].TryGet(path, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The sources that hold <paramref name="path"/> itself or anything under it, in precedence order (the last wins).</summary>
    public IReadOnlyList<IConfigurationProvider> SourcesOf(string path) =>
        _providers.Where(p => p.TryGet(path, out _) || p.GetChildKeys([], path).Any()).ToList();

    /// <summary>
    /// The sources that set the list at <paramref name="path"/>: to empty (a value at the path itself) or to at least one
    /// element. A null element alone (an override that leaves the entry unset) sets nothing.
    /// </summary>
    public IReadOnlyList<IConfigurationProvider> ListSourcesOf(string path) =>
        _providers.Where(p => p.TryGet(path, out _) || HasValueUnder(p, path)).ToList();

    /// <summary>The source whose value or keys under <paramref name="path"/> count, or null when none holds it.</summary>
    public IConfigurationProvider? SourceOf(string path) => SourcesOf(path) is { Count: > 0 } sources ? sources[^1] : null;

    private static bool HasValueUnder(IConfigurationProvider provider, string path) =>
        provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase).Any(child =>
        {
            var key = $"{path}:{child}";
            return (provider.TryGet(key, out var value) && value is not null) || HasValueUnder(provider, key);
        });

    /// <summary>The same tree reduced to one source.</summary>
    public ConfigurationTree Only(IConfigurationProvider provider) => new([provider]);
}

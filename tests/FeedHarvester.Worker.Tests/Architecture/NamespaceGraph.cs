using System.Text;

namespace FeedHarvester.Tests.Architecture;

/// <summary>
/// Which namespace uses which, built from the type references of compiled assemblies. An edge keeps the type pairs
/// behind it, so a reported cycle names the types to move.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);
    private readonly string _root;

    private NamespaceGraph(string root) => _root = root;

    public IEnumerable<string> Namespaces => _edges.Keys;

    /// <summary>The graph of the namespaces under <paramref name="root"/> that the assemblies define.</summary>
    public static NamespaceGraph Build(IEnumerable<string> assemblyPaths, string root)
    {
        var references = assemblyPaths.SelectMany(TypeReferenceScanner.Scan).ToList();
        var defined = references.Select(r => r.From.Namespace).Where(ns => Under(ns, root)).ToHashSet();
        var graph = new NamespaceGraph(root);
        foreach (var ns in defined)
        {
            graph.Node(ns);
        }

        foreach (var (from, to) in references)
        {
            if (defined.Contains(from.Namespace) && defined.Contains(to.Namespace))
            {
                graph.Add(from.Namespace, to.Namespace, $"{graph.Short(from.FullName)} → {graph.Short(to.FullName)}");
            }
        }

        return graph;
    }

    /// <summary>
    /// The same graph by folder: a namespace counts as part of the outermost enclosing namespace below the root that
    /// holds types itself (Extraction.Scoring is part of Extraction), so a cycle between two stages shows even when no
    /// single pair of namespaces forms one.
    /// </summary>
    public NamespaceGraph ByFolder()
    {
        var folded = new NamespaceGraph(_root);
        foreach (var ns in _edges.Keys)
        {
            folded.Node(FolderOf(ns));
        }

        foreach (var (from, targets) in _edges)
        {
            foreach (var (to, evidence) in targets)
            {
                foreach (var pair in evidence)
                {
                    folded.Add(FolderOf(from), FolderOf(to), pair);
                }
            }
        }

        return folded;
    }

    /// <summary>Each group of namespaces that reach one another (two or more), sorted by name.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => StronglyConnected().Where(group => group.Count > 1).ToList();

    /// <summary>
    /// A group as one shortest cycle through it ("A → B → A"), then every use between its members with the type
    /// references behind it: the edges one of which has to go.
    /// </summary>
    public string Describe(IReadOnlyList<string> group)
    {
        var cycle = ShortestCycle(group[0], group);
        var text = new StringBuilder(string.Join(" → ", cycle.Append(cycle[0]).Select(Short)));
        foreach (var from in group)
        {
            foreach (var (to, evidence) in _edges[from].Where(edge => group.Contains(edge.Key)))
            {
                _ = text.Append($"\n  {Short(from)} → {Short(to)}: {string.Join(", ", evidence.Take(6))}")
                    .Append(evidence.Count > 6 ? $" (+{evidence.Count - 6} more)" : "");
            }
        }

        return text.ToString();
    }

    /// <summary>A Markdown table of every namespace and the namespaces it uses, marking edges that lie on a cycle.</summary>
    public string Table()
    {
        var onCycle = StronglyConnected().Where(g => g.Count > 1).SelectMany(g => g.Select(ns => (ns, g))).ToDictionary(p => p.ns, p => p.g);
        var text = new StringBuilder("| namespace | uses |\n|---|---|\n");
        foreach (var (from, targets) in _edges)
        {
            var uses = targets.Keys.Select(to => onCycle.TryGetValue(from, out var group) && group.Contains(to) ? $"**{Short(to)}** ⟲" : Short(to));
            _ = text.Append($"| {Short(from)} | {string.Join(", ", uses)} |\n");
        }

        return text.ToString();
    }

    private static bool Under(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private string Short(string name) => name.StartsWith(_root + ".", StringComparison.Ordinal) ? name[(_root.Length + 1)..] : name;

    private string FolderOf(string ns)
    {
        var folder = ns;
        for (var dot = ns.LastIndexOf('.'); dot > _root.Length; dot = ns.LastIndexOf('.', dot - 1))
        {
            if (_edges.ContainsKey(ns[..dot]))
            {
                folder = ns[..dot];
            }
        }

        return folder;
    }

    private void Node(string ns)
    {
        if (!_edges.ContainsKey(ns))
        {
            _edges[ns] = new(StringComparer.Ordinal);
        }
    }

    private void Add(string from, string to, string evidence)
    {
        if (from == to)
        {
            return;
        }

        Node(from);
        if (!_edges[from].TryGetValue(to, out var pairs))
        {
            _edges[from][to] = pairs = new(StringComparer.Ordinal);
        }

        _ = pairs.Add(evidence);
    }

    private List<string> ShortestCycle(string start, IReadOnlyList<string> group)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in _edges[node].Keys.Where(group.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[^1] != start)
                    {
                        path.Add(cameFrom[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"{start} is in a strongly connected group but on no cycle.");
    }

    /// <summary>Tarjan's algorithm: groups of namespaces in which each reaches every other.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();
        foreach (var ns in _edges.Keys.Where(ns => !index.ContainsKey(ns)))
        {
            Visit(ns);
        }

        return groups;

        void Visit(string ns)
        {
            index[ns] = low[ns] = index.Count;
            stack.Push(ns);
            foreach (var next in _edges[ns].Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[ns] = Math.Min(low[ns], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[ns] = Math.Min(low[ns], index[next]);
                }
            }

            if (low[ns] == index[ns])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != ns);

                group.Sort(StringComparer.Ordinal);
                groups.Add(group);
            }
        }
    }
}

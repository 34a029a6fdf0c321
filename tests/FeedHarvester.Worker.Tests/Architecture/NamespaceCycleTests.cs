using Xunit.Abstractions;

namespace FeedHarvester.Tests.Architecture;

/// <summary>
/// No namespace of the product uses a namespace that uses it back, directly or through others, and no folder does
/// (a stage and its sub-namespaces taken together). A cycle means two stages can no longer change apart.
/// </summary>
public sealed class NamespaceCycleTests(ITestOutputHelper output)
{
    private const string SamplesRoot = "FeedHarvester.Tests.Architecture.Samples";

    // Every product assembly; the Worker references the other three. Read from the test's output folder.
    private static readonly string[] ProductAssemblies =
        ["FeedHarvester.Core.dll", "FeedHarvester.Local.dll", "FeedHarvester.Redis.dll", "feedharvester.dll"];

    [Fact]
    public void ProductNamespaces_FormNoCycle()
    {
        var graph = ProductGraph();
        output.WriteLine(graph.Table());

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void ProductFolders_FormNoCycle()
    {
        var graph = ProductGraph().ByFolder();
        output.WriteLine(graph.Table());

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Folder cycles:\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void Graph_ReferenceOnlyInMethodBody_StillMakesCycle()
    {
        var graph = SampleGraph($"{SamplesRoot}.BodyCycle");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["FeedHarvester.Tests.Architecture.Samples.BodyCycle.Downstream",
            "FeedHarvester.Tests.Architecture.Samples.BodyCycle.Upstream"], cycle);
        Assert.Contains("Upstream.Source → Downstream.Tally", graph.Describe(cycle), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_CycleOnlyBetweenFolders_IsFoundByFolderNotByNamespace()
    {
        var graph = SampleGraph($"{SamplesRoot}.FolderCycle");

        var byFolder = graph.ByFolder();

        Assert.Empty(graph.Cycles());
        var cycle = Assert.Single(byFolder.Cycles());
        Assert.Equal(["FeedHarvester.Tests.Architecture.Samples.FolderCycle.Other",
            "FeedHarvester.Tests.Architecture.Samples.FolderCycle.Stage"], cycle);
    }

    [Fact]
    public void Graph_ProductAssemblies_SeeEveryProductNamespace()
    {
        // Guards the test above against passing on an empty graph (a renamed assembly, a wrong root).
        var graph = ProductGraph();

        Assert.Contains("FeedHarvester.Extraction", graph.Namespaces);
        Assert.Contains("FeedHarvester.Local", graph.Namespaces);
        Assert.Contains("FeedHarvester.Redis", graph.Namespaces);
        Assert.Contains("FeedHarvester.Worker.Jobs", graph.Namespaces);
    }

    private static NamespaceGraph ProductGraph() =>
        NamespaceGraph.Build(ProductAssemblies.Select(name => Path.Combine(AppContext.BaseDirectory, name)), "FeedHarvester");

    private static NamespaceGraph SampleGraph(string root) =>
        NamespaceGraph.Build([typeof(NamespaceCycleTests).Assembly.Location], root);
}

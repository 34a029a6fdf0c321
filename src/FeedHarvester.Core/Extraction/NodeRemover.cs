using AngleSharp.Dom;
using FeedHarvester.Cleaning;

namespace FeedHarvester.Extraction;

/// <summary>Removes nodes and records why, so a lost paragraph can be traced to the rule that dropped it.</summary>
internal sealed class NodeRemover(ExtractionTrace? trace)
{
    private readonly int[] _counts = new int[Enum.GetValues<RemovalReason>().Length];

    public ExtractionTrace? Trace { get; } = trace;

    public void Remove(IElement element, RemovalReason reason)
    {
        _counts[(int)reason]++;
        Trace?.Removals.Add((DomRules.Describe(element), reason));
        element.Remove();
    }

    public int Count(RemovalReason reason) => _counts[(int)reason];
}

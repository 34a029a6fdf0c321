using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Wraps a point of the document in <see cref="Depth"/> levels of one element: deep trees are what recursive
/// tree walks (XHTML serializing, text extraction, sanitizing) overflow the stack on. Unclosed nesting is the
/// tag soup of a description whose tags are never closed.
/// </summary>
internal sealed record Nest(string Tag, int Depth, bool Closed, uint Pick) : Mutation
{
    /// <summary>Text at the bottom of the tree, so extraction has something to find there.</summary>
    public const string InnerText = "Deep text at the bottom of the nesting.";

    public override FuzzDocument Apply(FuzzDocument document)
    {
        var slot = ChooseSlot(document, Pick);
        var open = slot.Encode($"<{Tag}>");
        var close = Closed ? slot.Encode($"</{Tag}>") : "";
        var inner = slot.Encode(InnerText);
        var depth = document.Fit(Depth, open.Length + close.Length, inner.Length);
        if (depth == 0)
        {
            return document;
        }

        var text = new StringBuilder((depth * (open.Length + close.Length)) + inner.Length)
            .Insert(0, open, depth).Append(inner).Insert((depth * open.Length) + inner.Length, close, depth).ToString();
        return document.Insert(slot.Position, text);
    }

    public override string Describe() => $"nest(<{Tag}> x {Depth}, {(Closed ? "closed" : "unclosed")}, at {Pick})";
}

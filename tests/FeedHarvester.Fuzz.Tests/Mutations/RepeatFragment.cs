using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Inserts a markup fragment <see cref="Count"/> times at one point (100,000 flat &lt;p&gt;, stray end tags,
/// unclosed list items …), written as markup, entities or JSON escapes as the point requires.
/// </summary>
internal sealed record RepeatFragment(string Fragment, int Count, uint Pick) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document)
    {
        var slot = ChooseSlot(document, Pick);
        var unit = slot.Encode(Fragment);
        var copies = document.Fit(Count, unit.Length);
        return copies == 0
            ? document
            : document.Insert(slot.Position, new StringBuilder(unit.Length * copies).Insert(0, unit, copies).ToString());
    }

    public override string Describe() => $"repeat-fragment({Fragment} x {Count}, at {Pick})";
}

using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Inserts a character or entity reference <see cref="Count"/> times, unescaped: undefined HTML entities in XML,
/// references to NUL, lone surrogates or code points past U+10FFFF, overlong numbers, bare ampersands.
/// </summary>
internal sealed record InsertEntity(string Entity, int Count, uint Pick) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document)
    {
        var slot = ChooseSlot(document, Pick);
        var copies = document.Fit(Count, Entity.Length);
        return copies == 0
            ? document
            : document.Insert(slot.Position, new StringBuilder(Entity.Length * copies).Insert(0, Entity, copies).ToString());
    }

    public override string Describe() => $"insert-entity({Entity} x {Count}, at {Pick})";
}

using System.Text.Json.Serialization;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// One structure-aware change to an input. A mutation holds every choice it makes (counts, tags, and a
/// <c>Pick</c> that selects the place among those the document offers), so applying it to the same document
/// always gives the same bytes: a recipe of mutations replays an input without storing it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(Nest), "nest")]
[JsonDerivedType(typeof(NestJson), "nest-json")]
[JsonDerivedType(typeof(RepeatElement), "repeat-element")]
[JsonDerivedType(typeof(RepeatFragment), "repeat-fragment")]
[JsonDerivedType(typeof(InsertEntity), "insert-entity")]
[JsonDerivedType(typeof(BloatAttributes), "bloat-attributes")]
[JsonDerivedType(typeof(InsertDoctype), "insert-doctype")]
[JsonDerivedType(typeof(DeclareCharset), "declare-charset")]
[JsonDerivedType(typeof(Reencode), "reencode")]
[JsonDerivedType(typeof(Truncate), "truncate")]
[JsonDerivedType(typeof(FlipBytes), "flip-bytes")]
internal abstract record Mutation
{
    public abstract FuzzDocument Apply(FuzzDocument document);

    /// <summary>A short human-readable form for reports, e.g. <c>nest(div x 250000, closed)</c>.</summary>
    public abstract string Describe();

    /// <summary>The element of <paramref name="items"/> that <paramref name="pick"/> selects.</summary>
    protected static T Choose<T>(IReadOnlyList<T> items, uint pick) => items[(int)(pick % (uint)items.Count)];

    /// <summary>
    /// An insertion point: for picks below 2^31 one in content (where hostile HTML does the most, and where most
    /// documents have few of their points), otherwise any; any when the document has no content points.
    /// </summary>
    protected static Slot ChooseSlot(FuzzDocument document, uint pick)
    {
        var slots = MarkupScanner.Slots(document);
        var content = pick < 0x8000_0000u ? slots.Where(s => s.InContent).ToList() : [];
        return content.Count > 0 ? Choose(content, pick) : Choose(slots, pick);
    }
}

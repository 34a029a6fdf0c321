using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Repeats one existing element (a paragraph, an item, a link) <see cref="Count"/> times in place: flat
/// repetition is what quadratic passes over siblings or the whole tree are slow on.
/// </summary>
internal sealed record RepeatElement(int Count, uint Pick) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document)
    {
        var tags = MarkupScanner.StartTags(document.Raw);
        if (tags.Count == 0)
        {
            return document;
        }

        var tag = Choose(tags, Pick);
        var end = MarkupScanner.ElementEnd(document.Raw, tag);
        var fragment = document.Raw[tag.Start..end];
        var copies = document.Fit(Count, fragment.Length);
        return copies <= 1
            ? document
            : document.Insert(end, new StringBuilder(fragment.Length * (copies - 1)).Insert(0, fragment, copies - 1).ToString());
    }

    public override string Describe() => $"repeat-element(x {Count}, element {Pick})";
}

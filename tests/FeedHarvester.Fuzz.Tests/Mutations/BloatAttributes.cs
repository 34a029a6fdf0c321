using System.Globalization;
using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Adds attributes to one start tag: <c>many</c> distinct ones, one <c>duplicate</c> written many times, or one
/// <c>long</c> value of <see cref="Count"/> characters.
/// </summary>
internal sealed record BloatAttributes(string Mode, int Count, uint Pick) : Mutation
{
    public const string Many = "many";
    public const string Duplicate = "duplicate";
    public const string Long = "long";

    public override FuzzDocument Apply(FuzzDocument document)
    {
        var tags = MarkupScanner.StartTags(document.Raw);
        if (tags.Count == 0)
        {
            return document;
        }

        var tag = Choose(tags, Pick);
        var at = tag.SelfClosing(document.Raw) ? tag.Close - 1 : tag.Close;
        var text = Mode switch
        {
            Many => Repeated(document, count => Enumerable.Range(0, count).Select(i => $" a{i.ToString(CultureInfo.InvariantCulture)}=\"v\""), 16),
            Duplicate => Repeated(document, count => Enumerable.Repeat(" class=\"x\"", count), 10),
            _ => " title=\"" + new string('x', document.Fit(Count, 1, 9)) + "\"",
        };
        return document.Insert(at, text);
    }

    public override string Describe() => $"bloat-attributes({Mode} x {Count}, tag {Pick})";

    private string Repeated(FuzzDocument document, Func<int, IEnumerable<string>> attributes, int unitLength) =>
        new StringBuilder().AppendJoin("", attributes(document.Fit(Count, unitLength))).ToString();
}

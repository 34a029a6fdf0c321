namespace FeedHarvester.Fuzz.Mutations;

/// <summary>Puts a document type declaration before the root element (after an XML declaration, if any).</summary>
internal sealed record InsertDoctype(string Doctype) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document)
    {
        var raw = document.Raw;
        var at = 0;
        var prolog = raw.IndexOf("<?xml", StringComparison.Ordinal);
        if (prolog is >= 0 and < 8)
        {
            var end = raw.IndexOf("?>", prolog, StringComparison.Ordinal);
            at = end < 0 ? 0 : end + 2;
        }

        return document.Fit(1, Doctype.Length) == 0 ? document : document.Insert(at, Doctype);
    }

    public override string Describe() => $"insert-doctype({(Doctype.Length > 40 ? Doctype[..40] + "…" : Doctype)})";
}

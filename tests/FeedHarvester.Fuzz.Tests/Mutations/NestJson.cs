namespace FeedHarvester.Fuzz.Mutations;

/// <summary>Adds a member holding <see cref="Depth"/> nested JSON arrays to an object of a JSON Feed.</summary>
internal sealed record NestJson(int Depth, uint Pick) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document)
    {
        var starts = MarkupScanner.JsonObjectStarts(document.Raw);
        if (starts.Count == 0)
        {
            return document;
        }

        const string prefix = "\"fuzz\":";
        var depth = document.Fit(Depth, 2, prefix.Length + 1);
        return depth == 0
            ? document
            : document.Insert(Choose(starts, Pick), prefix + new string('[', depth) + new string(']', depth) + ",");
    }

    public override string Describe() => $"nest-json([ x {Depth}, at {Pick})";
}

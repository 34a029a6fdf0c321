namespace FeedHarvester.Fuzz.Corpus;

/// <summary>One of the project's own fixtures, the starting point of mutations.</summary>
/// <param name="Name">Its path under TestData, e.g. <c>feeds/atom-xml-base.xml</c>: the stable name recipes refer to.</param>
/// <param name="ContentType">The Content-Type the fixture is served with in the Core tests.</param>
internal sealed record SeedInput(string Name, InputKind Kind, byte[] Bytes, string ContentType)
{
    /// <summary>The file extension a mutated input keeps, so a saved finding opens in the right viewer.</summary>
    public string Extension => Path.GetExtension(Name);
}

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Cuts the bytes off at a point anywhere in the document (<see cref="Pick"/> as a fraction of its length),
/// possibly inside a tag, an entity or a multi-byte character.
/// </summary>
internal sealed record Truncate(uint Pick) : Mutation
{
    public override FuzzDocument Apply(FuzzDocument document) =>
        document with { Raw = document.Raw[..(int)(((ulong)Pick * (ulong)document.Raw.Length) >> 32)] };

    public override string Describe() => $"truncate(at {Pick / 4294967296.0:P1})";
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Mutations;

namespace FeedHarvester.Fuzz.Generation;

/// <summary>A seed fixture and the mutations applied to it in order: everything needed to rebuild one input.</summary>
/// <param name="Fixture">The seed's name under TestData (see <see cref="SeedInput.Name"/>).</param>
internal sealed record FuzzCase(string Fixture, IReadOnlyList<Mutation> Mutations)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public FuzzInput Build(SeedCorpus corpus)
    {
        var seed = corpus.Get(Fixture);
        var document = FuzzDocument.From(seed);
        foreach (var mutation in Mutations)
        {
            document = mutation.Apply(document);
        }

        return new FuzzInput(document.ToBytes(), document.ContentType, document.Kind, seed.Extension);
    }

    public string Describe() => Mutations.Count == 0
        ? Fixture
        : $"{Fixture} | {string.Join(" > ", Mutations.Select(m => m.Describe()))}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FuzzCase FromJson(string json) =>
        JsonSerializer.Deserialize<FuzzCase>(json, Json) ?? throw new JsonException("empty case");

    /// <summary>SHA-256 of the input bytes and content type: a recipe whose mutators changed no longer matches it.</summary>
    public static string Fingerprint(FuzzInput input)
    {
        var header = System.Text.Encoding.UTF8.GetBytes(input.ContentType + "\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. header, .. input.Body]));
    }
}

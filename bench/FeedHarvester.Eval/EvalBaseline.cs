using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedHarvester.Eval;

/// <summary>
/// The checked-in quality floor (eval-baseline.json): the figures of the last accepted run and the SHA-256 of the
/// ground truth they were measured on, so a changed data set is noticed instead of compared against.
/// </summary>
public sealed record EvalBaseline(
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("groundTruthSha256")] string GroundTruthSha256)
{
    /// <summary>How far F1 may fall below the baseline before the gate fails: run-to-run noise is zero, but a
    /// harmless heuristic change may cost a page or two.</summary>
    public const double Tolerance = 0.002;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static EvalBaseline? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<EvalBaseline>(File.ReadAllText(path)) : null;

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + Environment.NewLine);

    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}

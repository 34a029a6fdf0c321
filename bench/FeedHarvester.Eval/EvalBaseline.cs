using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedHarvester.Eval;

/// <summary>
/// The checked-in quality floor of one data folder (baselines/&lt;folder&gt;.json): the figures of the last accepted
/// run and the SHA-256 of the ground truth they were measured on, so a changed data set is noticed instead of
/// compared against.
/// </summary>
public sealed record EvalBaseline(
    [property: JsonPropertyName("figures")] FolderFigures Figures,
    [property: JsonPropertyName("groundTruthSha256")] string GroundTruthSha256)
{
    /// <summary>How far an F1 or an accuracy may fall below the baseline before the gate fails: run-to-run noise is
    /// zero, but a harmless heuristic change may cost a page or two.</summary>
    public const double Tolerance = 0.002;

    /// <summary>Page types with fewer pages than this are reported but not gated: one page moves their F1 too far.</summary>
    public const int MinGatedTypePages = 10;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static EvalBaseline? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<EvalBaseline>(File.ReadAllText(path)) : null;

    public void Save(string path)
    {
        _ = Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + Environment.NewLine);
    }

    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Every way <paramref name="current"/> falls below this baseline, in words; empty when none.</summary>
    public List<string> Shortfalls(FolderFigures current, double tolerance = Tolerance)
    {
        var inv = CultureInfo.InvariantCulture;
        var found = new List<string>();
        void Score(string what, double now, double floor)
        {
            if (now < floor - tolerance)
            {
                found.Add(string.Create(inv, $"{what} {now:F4} is below the baseline {floor:F4} minus {tolerance}"));
            }
        }

        void Count(string what, int now, int ceiling)
        {
            if (now > ceiling)
            {
                found.Add(string.Create(inv, $"{what} {now} is above the baseline's {ceiling}"));
            }
        }

        Score("F1", current.Body.F1, Figures.Body.F1);
        foreach (var (type, figures) in Figures.ByType.Where(t => t.Value.Pages >= MinGatedTypePages))
        {
            Score($"F1 of {type} pages", current.ByType.GetValueOrDefault(type)?.F1 ?? 0, figures.F1);
        }

        Count("empty bodies", current.EmptyBodies, Figures.EmptyBodies);
        foreach (var (field, figures) in Figures.Metadata)
        {
            var now = current.Metadata.GetValueOrDefault(field);
            Score($"{field} accuracy", now?.Accuracy ?? 0, figures.Accuracy);
            Count($"invented {field} values", now?.Invented ?? int.MaxValue, figures.Invented);
        }

        return found;
    }

    /// <summary>True when some gated figure of <paramref name="current"/> is worse than the baseline's, so raising
    /// the baseline to it would lower a floor.</summary>
    public bool IsLoweredBy(FolderFigures current) => Shortfalls(current, tolerance: 0).Count != 0;
}

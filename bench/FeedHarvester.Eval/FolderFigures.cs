using System.Text.Json.Serialization;

namespace FeedHarvester.Eval;

/// <summary>Body scores of a set of pages (a folder or one page type of it).</summary>
public sealed record BodyFigures(
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("accuracy")] double Accuracy)
{
    public static BodyFigures Of(IReadOnlyList<PageResult> results)
    {
        var (precision, recall, f1, accuracy) = ShingleMetric.Aggregate(results.Select(r => r.Score).ToList());
        return new BodyFigures(results.Count, Round(precision), Round(recall), Round(f1), Round(accuracy));
    }

    internal static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToZero);
}

/// <summary>One metadata field: pages whose truth names a value, how many the extractor matched, and how many
/// values it gave on pages whose truth names none (invented).</summary>
public sealed record FieldFigures(
    [property: JsonPropertyName("stated")] int Stated,
    [property: JsonPropertyName("correct")] int Correct,
    [property: JsonPropertyName("unstated")] int Unstated,
    [property: JsonPropertyName("invented")] int Invented)
{
    [JsonPropertyName("accuracy")]
    public double Accuracy => Stated == 0 ? 0 : BodyFigures.Round(Correct / (double)Stated);
}

/// <summary>Everything the gate compares for one folder.</summary>
public sealed record FolderFigures(
    [property: JsonPropertyName("body")] BodyFigures Body,
    [property: JsonPropertyName("byType")] SortedDictionary<string, BodyFigures> ByType,
    [property: JsonPropertyName("emptyBodies")] int EmptyBodies,
    [property: JsonPropertyName("metadata")] SortedDictionary<string, FieldFigures> Metadata)
{
    public static FolderFigures Of(IReadOnlyList<PageResult> results)
    {
        var byType = new SortedDictionary<string, BodyFigures>(StringComparer.Ordinal);
        foreach (var group in results.GroupBy(r => r.Page.PageType))
        {
            byType[group.Key] = BodyFigures.Of(group.ToList());
        }

        var metadata = new SortedDictionary<string, FieldFigures>(StringComparer.Ordinal);
        var annotated = results.Where(r => r.Page.HasMetadata).ToList();
        if (annotated.Count != 0)
        {
            metadata["title"] = Field(annotated, r => r.Page.Title, r => r.Title is not null, r => MetadataMatch.Title(r.Page.Title!, r.Title));
            metadata["author"] = Field(annotated, r => r.Page.Author, r => r.Author is not null, r => MetadataMatch.Author(r.Page.Author!, r.Author));
            metadata["date"] = Field(annotated, r => r.Page.PublishDate, r => r.Published is not null, r => MetadataMatch.Date(r.Page.PublishDate!, r.Published));
        }

        return new FolderFigures(BodyFigures.Of(results), byType, results.Count(r => r.IsEmptyBody), metadata);
    }

    private static FieldFigures Field(List<PageResult> results, Func<PageResult, string?> truth,
        Func<PageResult, bool> given, Func<PageResult, bool> matches)
    {
        var stated = results.Where(r => truth(r) is not null).ToList();
        var unstated = results.Where(r => truth(r) is null).ToList();
        return new FieldFigures(stated.Count, stated.Count(matches), unstated.Count, unstated.Count(given));
    }
}

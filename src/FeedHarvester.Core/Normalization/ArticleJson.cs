using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedHarvester.Normalization;

/// <summary>The one place that decides how an <see cref="Article"/> looks as JSON.</summary>
public static class ArticleJson
{
    /// <summary>One compact line, no trailing newline.</summary>
    public static string Serialize(Article article) =>
        JsonSerializer.Serialize(article, ArticleJsonContext.Default.Article);

    /// <summary>Reads one record back; throws <see cref="JsonException"/> for a line that is not a record.</summary>
    public static Article Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ArticleJsonContext.Default.Article)
        ?? throw new JsonException("article: null record");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Article))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;

/// <summary>Writes instants as UTC ISO 8601 with a Z suffix ("2025-06-02T12:00:00Z").</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}

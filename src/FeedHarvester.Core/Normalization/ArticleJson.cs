using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedHarvester.Normalization;

/// <summary>The one place that decides how an <see cref="Article"/> looks as JSON.</summary>
public static class ArticleJson
{
    /// <summary>
    /// Readable text: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and non-ASCII letters are written as themselves, not as
    /// <c>\u003C</c> and the like. The default encoder escapes them for JSON pasted into HTML; a record is a JSON line,
    /// and the relaxed encoder still escapes what JSON and a line need (quote, backslash, control characters, so a
    /// newline in a body can never split a record) and lone surrogates.
    /// </summary>
    private static readonly ArticleJsonContext Context = new(new JsonSerializerOptions(ArticleJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>One compact line, no trailing newline.</summary>
    public static string Serialize(Article article) =>
        JsonSerializer.Serialize(article, Context.Article);

    /// <summary>Reads one record back; throws <see cref="JsonException"/> for a line that is not a record.</summary>
    public static Article Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Context.Article)
        ?? throw new JsonException("article: null record");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Article))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;

/// <summary>Writes instants in the one fixed form, UTC with milliseconds and a Z ("2025-06-02T12:00:00.000Z", see <see cref="Settings.Instant"/>).</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Settings.Instant.Format(value));
}

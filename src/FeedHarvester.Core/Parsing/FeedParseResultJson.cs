using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedHarvester.Parsing;

/// <summary>The JSON shape printed by `feedharvester parse` and read by operators and the conformance run.</summary>
public static class FeedParseResultJson
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Serialize(FeedParseResult result, bool indented)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,

            // Operators read this output; keep non-ASCII and HTML characters readable rather than \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("wellformed", result.WellFormed);
            WriteString(writer, "format", result.Format);
            WriteFeed(writer, result.Feed);
            writer.WriteStartArray("entries");
            foreach (var entry in result.Entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStringValue(error);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFeed(Utf8JsonWriter writer, ParsedFeed feed)
    {
        writer.WriteStartObject("feed");
        WriteString(writer, "title", feed.Title);
        WriteString(writer, "link", feed.Link);
        WriteString(writer, "subtitle", feed.Subtitle);
        WriteString(writer, "language", feed.Language);
        WriteDate(writer, "updated", feed.Updated);
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, ParsedEntry entry)
    {
        writer.WriteStartObject();
        WriteString(writer, "id", entry.Id);
        WriteString(writer, "title", entry.Title);
        WriteString(writer, "link", entry.Link);
        WriteDate(writer, "published", entry.Published);
        WriteDate(writer, "updated", entry.Updated);
        WriteString(writer, "author", entry.Author);
        WriteString(writer, "summary", entry.Summary);
        WriteString(writer, "content", entry.Content);
        writer.WriteStartArray("categories");
        foreach (var category in entry.Categories)
        {
            writer.WriteStringValue(category);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("enclosures");
        foreach (var enclosure in entry.Enclosures)
        {
            writer.WriteStartObject();
            writer.WriteString("url", enclosure.Url);
            WriteString(writer, "type", enclosure.Type);
            if (enclosure.Length is { } length)
            {
                writer.WriteNumber("length", length);
            }
            else
            {
                writer.WriteNull("length");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value) =>
        WriteString(writer, name, value?.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
}

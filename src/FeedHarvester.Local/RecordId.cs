using System.Text.Json;

namespace FeedHarvester.Local;

/// <summary>Reads the "id" of one JSON-lines record without materializing the whole article.</summary>
internal static class RecordId
{
    private static ReadOnlySpan<byte> IdProperty => "id"u8;

    /// <summary>The record's id, or null when the line is not a JSON object with a string id.</summary>
    public static string? TryRead(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(IdProperty);
                _ = reader.Read();
                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            // A torn or foreign line is an expected finding during recovery, not a failure.
            return null;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedHarvester.NearDup;

/// <summary>
/// Reads a harvester's output as newsfarm's score does: JSON lines, or one JSON array such as
/// <c>redis-cli --json XRANGE feedharvester:articles - +</c> prints. Each record is flattened: a stream entry
/// <c>[id, [field, value, …]]</c> becomes an object, a string holding a JSON object is parsed, and the fields of an object
/// under a wrapper key (article, data, payload, …) are merged in and win over the outer ones.
/// </summary>
public static class EmittedRecords
{
    public static readonly string[] UrlFields =
        ["url", "link", "canonical_url", "canonicalUrl", "final_url", "finalUrl", "source_url", "sourceUrl", "uri"];

    private static readonly HashSet<string> Wrappers =
        new(StringComparer.Ordinal) { "article", "data", "payload", "record", "item", "json", "fields", "value" };

    /// <summary>The flattened records, and how many lines could not be read as JSON.</summary>
    public static (List<Dictionary<string, JsonNode?>> Records, int Unreadable) Read(string path)
    {
        var raw = File.ReadAllText(path);
        if (raw.TrimStart().StartsWith('['))
        {
            try
            {
                if (JsonNode.Parse(raw) is JsonArray array)
                {
                    return ([.. array.Select(Flatten)], 0);
                }
            }
            catch (JsonException)
            {
                // Not one array after all: read it line by line below.
            }
        }

        var records = new List<Dictionary<string, JsonNode?>>();
        var unreadable = 0;
        foreach (var line in raw.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                records.Add(Flatten(JsonNode.Parse(line)));
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }

        return (records, unreadable);
    }

    /// <summary>The first non-empty string among <paramref name="names"/>, or null.</summary>
    public static string? Field(IReadOnlyDictionary<string, JsonNode?> record, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var name in names)
        {
            if (record.TryGetValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
                && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    public static Dictionary<string, JsonNode?> Flatten(JsonNode? record)
    {
        if (record is JsonArray { Count: 2 } entry && entry[1] is JsonArray or JsonObject)
        {
            record = entry[1];
        }

        var fields = record switch
        {
            JsonObject obj => obj.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            JsonArray pairs => PairsToFields(pairs),
            _ => new Dictionary<string, JsonNode?>(StringComparer.Ordinal),
        };

        var hasUrl = UrlFields.Any(fields.ContainsKey);
        var flat = new Dictionary<string, JsonNode?>(fields, StringComparer.Ordinal);
        foreach (var (key, original) in fields)
        {
            var value = ParseIfObjectText(original);
            var isWrapper = Wrappers.Contains(key);
            if (value is JsonObject inner && (isWrapper || !hasUrl))
            {
                foreach (var (innerKey, innerValue) in Flatten(inner))
                {
                    if (isWrapper || !flat.ContainsKey(innerKey))
                    {
                        flat[innerKey] = innerValue;
                    }
                }
            }
        }

        return flat;
    }

    private static Dictionary<string, JsonNode?> PairsToFields(JsonArray pairs)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pairs.Count; i += 2)
        {
            if (pairs[i] is JsonValue key && key.TryGetValue<string>(out var name))
            {
                fields[name] = pairs[i + 1];
            }
        }

        return fields;
    }

    private static JsonNode? ParseIfObjectText(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return node;
            }
        }

        return node;
    }
}

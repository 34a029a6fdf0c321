using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// docs/article-record.schema.json, as a validator: every record the end-to-end tests read back from an output or a
/// stream goes through <see cref="AssertValid"/>, so the published schema and the records the code writes cannot drift.
/// </summary>
internal static class ArticleRecordSchema
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "article-record.schema.json")));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Fails the test with every violation, naming the field, when <paramref name="record"/> does not match the schema.</summary>
    public static void AssertValid(JsonElement record)
    {
        var result = Schema.Evaluate(JsonNode.Parse(record.GetRawText()), Options);
        if (result.IsValid)
        {
            return;
        }

        var problems = result.Details
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.Fail($"record does not match docs/article-record.schema.json:\n{string.Join("\n", problems)}\n{record.GetRawText()}");
    }
}

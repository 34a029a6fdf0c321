using System.Text.Json;
using System.Text.Json.Serialization;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Generation;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// One input for a worker process, one JSON line on its standard input: a generated or recorded case, a file
/// as it is, or one of the harness's own self-tests (which prove that a crash, a hang or a spike is caught).
/// </summary>
internal sealed record WorkerJob
{
    public FuzzCase? Case { get; init; }
    public string? File { get; init; }
    public InputKind? Kind { get; init; }
    public string? ContentType { get; init; }
    public string? SelfTest { get; init; }
    public Budgets? Budgets { get; init; }
}

/// <summary>One line a worker writes: <c>ready</c>, <c>stage</c> (a stage starts) or <c>done</c> (with the verdict).</summary>
internal sealed record WorkerEvent(string Event, string? Stage = null, InputVerdict? Verdict = null)
{
    public const string Ready = "ready";
    public const string StageStarted = "stage";
    public const string Done = "done";
}

internal static class WorkerProtocol
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T? Read<T>(string line)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

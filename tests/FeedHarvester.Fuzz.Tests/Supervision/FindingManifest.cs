using System.Text.Json;
using System.Text.Json.Serialization;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Generation;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// A failure the fuzzer found, as written beside its input (<c>NAME.finding.json</c>): what failed, how, and how
/// to rebuild the input. Checked into Findings/, it becomes a named fixture that a test replays. Small inputs are
/// kept as bytes (<see cref="Input"/>); big ones (a million levels of nesting) as their recipe
/// (<see cref="Case"/>), rebuilt and checked against <see cref="Sha256"/>, since megabytes stay out of the repository.
/// </summary>
internal sealed record FindingManifest
{
    public static readonly JsonSerializerOptions Json = new(FuzzCase.Json)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Name { get; init; }
    public required string Stage { get; init; }
    public required string Symptom { get; init; }
    public required string Detail { get; init; }
    public required InputKind Kind { get; init; }
    public required string ContentType { get; init; }
    public required int InputBytes { get; init; }
    public required string Sha256 { get; init; }

    /// <summary>The file beside the manifest holding the input's bytes, when they are kept.</summary>
    public string? Input { get; init; }

    /// <summary>The seed fixture and mutations that rebuild the input.</summary>
    public FuzzCase? Case { get; init; }

    /// <summary>Where it came from: the round seed, the case's index and its CsCheck seed.</summary>
    public string? FoundBy { get; init; }

    /// <summary>The branch whose fix this finding waits for, while it still fails (set when it is checked in).</summary>
    public string? Awaits { get; init; }

    public static FindingManifest Load(string path) =>
        JsonSerializer.Deserialize<FindingManifest>(File.ReadAllText(path), Json) ?? throw new JsonException($"empty finding {path}");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The input this finding replays: its stored bytes, or its recipe rebuilt (which must match <see cref="Sha256"/>).</summary>
    public FuzzInput Rebuild(string directory, SeedCorpus corpus)
    {
        var input = Input is { } file
            ? new FuzzInput(File.ReadAllBytes(Path.Combine(directory, file)), ContentType, Kind, Path.GetExtension(file))
            : (Case ?? throw new InvalidDataException($"finding {Name} has neither input nor case")).Build(corpus);
        var sha = FuzzCase.Fingerprint(input);
        return sha == Sha256
            ? input
            : throw new InvalidDataException($"finding {Name}: the rebuilt input's SHA-256 is {sha}, not {Sha256} (did a mutator change?)");
    }

    public WorkerJob Job(string directory) => Input is { } file
        ? new WorkerJob { File = Path.Combine(directory, file), Kind = Kind, ContentType = ContentType }
        : new WorkerJob { Case = Case };
}

using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Generation;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// Turns a finding (from a round's output, or a hand-written recipe) into a named fixture in Findings/: runs it
/// again to record what it does today, keeps the bytes when they are small and only the recipe when not.
/// </summary>
internal sealed class FindingAdopter(SeedCorpus corpus)
{
    /// <summary>Inputs up to this size are checked in as bytes; larger ones (deep nesting, mass repetition) as recipes.</summary>
    public const int MaxStoredBytes = 64 * 1024;

    /// <returns>The new manifest's path, or null when the input passes today (nothing to adopt).</returns>
    public async Task<string?> AdoptAsync(string manifestPath, string name, string? awaits, string findingsDirectory)
    {
        var source = FindingManifest.Load(manifestPath);
        var sourceDirectory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var input = source.Input is not null && File.Exists(Path.Combine(sourceDirectory, source.Input))
            ? new Execution.FuzzInput(File.ReadAllBytes(Path.Combine(sourceDirectory, source.Input)), source.ContentType, source.Kind,
                Path.GetExtension(source.Input))
            : (source.Case ?? throw new InvalidDataException($"{manifestPath} has neither input nor case")).Build(corpus);
        var job = source.Case is { } recipe ? new Execution.WorkerJob { Case = recipe } : source.Job(sourceDirectory);
        var verdict = await Isolated.RunAsync(job).ConfigureAwait(false);
        if (verdict.Passed)
        {
            return null;
        }

        _ = Directory.CreateDirectory(findingsDirectory);
        var keepBytes = input.Body.Length <= MaxStoredBytes || source.Case is null;
        if (keepBytes)
        {
            File.WriteAllBytes(Path.Combine(findingsDirectory, name + input.Extension), input.Body);
        }

        var manifest = source with
        {
            Name = name,
            Stage = verdict.Stage,
            Symptom = verdict.Symptom!,
            Detail = verdict.Detail ?? "",
            Kind = input.Kind,
            ContentType = input.ContentType,
            InputBytes = input.Body.Length,
            Sha256 = FuzzCase.Fingerprint(input),
            Input = keepBytes ? name + input.Extension : null,
            Awaits = awaits,
        };
        var path = Path.Combine(findingsDirectory, name + ".finding.json");
        manifest.Save(path);
        return path;
    }
}

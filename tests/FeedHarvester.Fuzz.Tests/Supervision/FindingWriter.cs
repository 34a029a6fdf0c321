using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Generation;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>Writes a finding's input and manifest into a folder, under a name that says what failed where.</summary>
internal sealed class FindingWriter(string directory, SeedCorpus corpus, string roundSeed)
{
    public string Directory { get; } = directory;

    /// <returns>The manifest's path.</returns>
    public string Write(Finding finding)
    {
        _ = System.IO.Directory.CreateDirectory(Directory);
        var input = finding.Case.Build(corpus);
        var name = UniqueName($"{finding.Verdict.Stage}-{finding.Verdict.Symptom}-{Slug(finding.Case.Fixture)}");
        var inputFile = name + input.Extension;
        File.WriteAllBytes(Path.Combine(Directory, inputFile), input.Body);
        var manifest = new FindingManifest
        {
            Name = name,
            Stage = finding.Verdict.Stage,
            Symptom = finding.Verdict.Symptom ?? "none",
            Detail = finding.Verdict.Detail ?? "",
            Kind = input.Kind,
            ContentType = input.ContentType,
            InputBytes = input.Body.Length,
            Sha256 = FuzzCase.Fingerprint(input),
            Input = inputFile,
            Case = finding.Case,
            FoundBy = $"round {roundSeed}, case {finding.Index}, case seed {finding.CaseSeed}",
        };
        var path = Path.Combine(Directory, name + ".finding.json");
        manifest.Save(path);
        return path;
    }

    /// <summary><c>pages/live-blog/source.html</c> → <c>live-blog</c>; <c>feeds/atom-xml-base.xml</c> → <c>atom-xml-base</c>.</summary>
    public static string Slug(string fixture)
    {
        var parts = fixture.Split('/');
        return parts.Length >= 3 ? parts[^2] : Path.GetFileNameWithoutExtension(fixture);
    }

    private string UniqueName(string name)
    {
        var candidate = name;
        for (var n = 2; File.Exists(Path.Combine(Directory, candidate + ".finding.json")); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }
}

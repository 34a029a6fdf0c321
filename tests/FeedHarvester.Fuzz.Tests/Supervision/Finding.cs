using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Generation;
using FeedHarvester.Fuzz.Mutations;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>One failing case of a round, and the signature that tells it from other failures.</summary>
internal sealed record Finding(InputVerdict Verdict, FuzzCase Case, string CaseSeed, int Index)
{
    /// <summary>
    /// Stage, symptom and where it happened (exception type and innermost FeedHarvester frame, or the frame a
    /// stack overflow repeats), without the message's numbers: one bug found twice is reported once.
    /// </summary>
    public string Signature
    {
        get
        {
            var detail = Verdict.Detail ?? "";
            var where = Verdict.Symptom switch
            {
                Symptoms.Exception or Symptoms.OutOfMemory => detail.Split(':')[0] + " " + FrameOf(detail),
                Symptoms.StackOverflow => detail.Split(" (innermost")[0],
                _ => SizeMutations(),
            };
            return $"{Verdict.Stage}/{Verdict.Symptom}/{where}".TrimEnd('/', ' ');
        }
    }

    public string Describe() =>
        $"{Verdict.Stage} {Verdict.Symptom}: {Verdict.Detail} | case {Index} seed {CaseSeed} | {Case.Describe()}";

    private static string FrameOf(string detail)
    {
        var at = detail.LastIndexOf(" at ", StringComparison.Ordinal);
        var frame = at < 0 ? "" : detail[(at + 4)..];
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? frame : frame[..paren];
    }

    /// <summary>For a budget or a hang: which kinds of growth the case applied (nesting and repetition differ).</summary>
    private string SizeMutations() => string.Join("+", Case.Mutations
        .Where(m => m is Nest or NestJson or RepeatElement or RepeatFragment or InsertEntity or BloatAttributes)
        .Select(m => m.GetType().Name).Distinct(StringComparer.Ordinal));
}

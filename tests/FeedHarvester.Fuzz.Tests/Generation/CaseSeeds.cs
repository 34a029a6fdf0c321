using CsCheck;

namespace FeedHarvester.Fuzz.Generation;

/// <summary>
/// The sequence of case seeds of a round. Each is a CsCheck seed string, so one case can be replayed alone
/// (<c>--case SEED</c>) and the same round seed gives the same cases on every machine.
/// </summary>
internal sealed class CaseSeeds(string roundSeed)
{
    private readonly PCG _root = PCG.Parse(roundSeed);

    /// <summary>A fresh round seed, for a long round that was given none (it is printed, so it can be rerun).</summary>
    public static string NewRoundSeed() => new PCG(PCG.ThreadPCG.Next(), PCG.ThreadPCG.Next64()).ToString();

    public string Next() => _root.ToString(_root.Next64());
}

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>What a round runs: which cases (seed), for how long, and where findings go.</summary>
/// <param name="Seed">The round's CsCheck seed string: the same seed gives the same sequence of cases.</param>
/// <param name="Duration">No new case starts after this long.</param>
/// <param name="MaxCases">Stop after this many cases even with time left (null: no limit).</param>
internal sealed record RoundOptions(string Seed, TimeSpan Duration, int? MaxCases, string OutputDirectory)
{
    /// <summary>Log every case with its costs, not only findings (for setting budgets).</summary>
    public bool Verbose { get; init; }

    /// <summary>The CI round's fixed seed: every CI run tries the same cases in the same order.</summary>
    public const string CiSeed = "0N0XIzNsQ0O2";

    /// <summary>
    /// The CI round's cases: a fixed count, so every CI run tries exactly the same inputs whatever the machine's speed
    /// (a round bounded only by time reached further on a fast machine and met inputs a slower one never tried).
    /// About a minute here: 583 cases ran in 65 s with the rest of the suite running beside them.
    /// </summary>
    public const int CiCases = 400;

    /// <summary>A ceiling on the CI round, for a machine far slower than this one: it stops early rather than hang CI.</summary>
    public static readonly TimeSpan CiDuration = TimeSpan.FromSeconds(180);
}

namespace FeedHarvester.Eval;

/// <summary>One page's shingle counts, normalized by TP+FP+FN so every page weighs the same.</summary>
public sealed record PageScore(string Id, double Tp, double Fp, double Fn, bool TokensEqual)
{
    public double? Precision => Tp + Fp > 0 ? Tp / (Tp + Fp) : null;
    public double? Recall => Tp + Fn > 0 ? Tp / (Tp + Fn) : null;

    public double F1
    {
        get
        {
            var p = Precision ?? 0;
            var r = Recall ?? 0;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}

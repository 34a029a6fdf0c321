using System.Globalization;

namespace FeedHarvester.NearDup;

/// <summary>Pairs called one story (predicted) against pairs that are one story (truth).</summary>
public sealed record PairScore(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Null when nothing was predicted: precision is undefined, not perfect.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when there was no true pair to find (e.g. the drop policy emits one copy per story).</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Null when precision or recall is undefined; 0 when either is 0.</summary>
    public double? F1 => (Precision, Recall) switch
    {
        ({ } p, { } r) when p + r > 0 => 2 * p * r / (p + r),
        ({ }, { }) => 0.0,
        _ => Recall == 0 ? 0.0 : null,
    };

    public void Print()
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"precision  {Format(Precision, "no pair predicted")}");
        Console.WriteLine($"recall     {Format(Recall, "no true pair to find")}");
        Console.WriteLine($"F1         {Format(F1, "undefined")}");
        Console.WriteLine(string.Create(inv,
            $"pairs      {TruePositives + FalseNegatives} true, {TruePositives + FalsePositives} predicted: {TruePositives} TP, {FalsePositives} FP, {FalseNegatives} FN"));
    }

    private static string Format(double? value, string whyNot) =>
        value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : $"n/a ({whyNot})";
}

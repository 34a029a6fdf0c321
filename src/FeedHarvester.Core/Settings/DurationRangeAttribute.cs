using System.ComponentModel.DataAnnotations;

namespace FeedHarvester.Settings;

/// <summary>
/// A TimeSpan option's bounds, written as the operator writes durations (<see cref="Duration"/>), so the message reads
/// "must be from 1s to 10m" rather than in TimeSpan's own format. Both bounds are inclusive; null passes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DurationRangeAttribute : ValidationAttribute
{
    public DurationRangeAttribute(string minimum, string maximum)
    {
        Minimum = Parse(minimum);
        Maximum = Parse(maximum);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public override bool IsValid(object? value) => value is not TimeSpan duration || (duration >= Minimum && duration <= Maximum);

    public override string FormatErrorMessage(string name) =>
        $"{name}: must be from {Duration.Format(Minimum)} to {Duration.Format(Maximum)}";

    private static TimeSpan Parse(string bound) =>
        Duration.TryParse(bound, out var value, out var problem) ? value : throw new ArgumentException(problem, nameof(bound));
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedHarvester.Settings;

/// <summary>
/// The one way durations are written, in configuration, environment variables, feed lists and OPML: a number with a
/// unit (<c>500ms</c>, <c>30s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, decimals allowed) or a TimeSpan with colons
/// (<c>00:15:00</c>, <c>1.00:00:00</c>). A bare number is refused: .NET would read <c>30</c> as 30 days, an operator
/// usually means 30 seconds, and guessing either way is how a timeout becomes a month.
/// </summary>
public static partial class Duration
{
    /// <summary>What an operator may write, for error messages.</summary>
    public const string Examples = "a duration such as 30s, 15m, 2h, 1d or 00:15:00";

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says why, quoting the text.</summary>
    public static bool TryParse(string? text, out TimeSpan value, out string problem)
    {
        value = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problem = $"is empty: write {Examples}";
            return false;
        }

        if (WithUnit().Match(trimmed) is { Success: true } match)
        {
            return FromUnit(trimmed, match, out value, out problem);
        }

        if (BareNumber().IsMatch(trimmed))
        {
            problem = $"'{trimmed}' has no unit: write {trimmed}s for {trimmed} seconds or {trimmed}d for {trimmed} days ({Examples})";
            return false;
        }

        if (trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value))
        {
            problem = value < TimeSpan.Zero ? $"'{trimmed}' is negative: write {Examples}" : string.Empty;
            return value >= TimeSpan.Zero;
        }

        problem = $"'{trimmed}' is not {Examples}";
        return false;
    }

    /// <summary>The shortest way to write <paramref name="value"/> that reads back exactly ("30s", "2h", "100ms", else "1.02:03:04").</summary>
    public static string Format(TimeSpan value) => value switch
    {
        { Ticks: 0 } => "0s",
        { Ticks: < 0 } => value.ToString("c", CultureInfo.InvariantCulture),
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => Whole(t / TimeSpan.TicksPerDay, "d"),
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => Whole(t / TimeSpan.TicksPerHour, "h"),
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => Whole(t / TimeSpan.TicksPerMinute, "m"),
        { Ticks: var t } when t % TimeSpan.TicksPerSecond == 0 => Whole(t / TimeSpan.TicksPerSecond, "s"),
        { Ticks: var t } when t % TimeSpan.TicksPerMillisecond == 0 => Whole(t / TimeSpan.TicksPerMillisecond, "ms"),
        _ => value.ToString("c", CultureInfo.InvariantCulture),
    };

    private static bool FromUnit(string text, Match match, out TimeSpan value, out string problem)
    {
        value = TimeSpan.Zero;
        var number = double.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var ticksPerUnit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            _ => TimeSpan.TicksPerDay,
        };
        var ticks = number * ticksPerUnit;
        if (ticks >= TimeSpan.MaxValue.Ticks)
        {
            problem = $"'{text}' is longer than any duration can be";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        problem = string.Empty;
        return true;
    }

    private static string Whole(long count, string unit) => count.ToString(CultureInfo.InvariantCulture) + unit;

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnit();

    [GeneratedRegex(@"^\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();
}

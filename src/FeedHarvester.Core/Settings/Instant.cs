using System.Globalization;

namespace FeedHarvester.Settings;

/// <summary>
/// The one written form of an instant, in status, logs and records: UTC, milliseconds, a <c>Z</c>
/// (<c>2025-06-02T12:00:00.000Z</c>). Fixed width, so a column of them lines up and sorts as text.
/// </summary>
public static class Instant
{
    /// <summary>The format string; the log formatters use it too.</summary>
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}

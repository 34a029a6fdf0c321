using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedHarvester.Parsing;

/// <summary>
/// Parses feed dates (RFC 822/1123 and ISO 8601/W3CDTF, with the sloppiness real feeds show) to UTC.
/// Unparseable input gives null; nothing is defaulted or clamped here.
/// </summary>
internal static partial class FeedDateParser
{
    /// <summary>RFC 822 §5 zone names plus the US ones feeds use; military letters per RFC 822 (J is not a zone).</summary>
    private static readonly FrozenDictionary<string, int> ZoneOffsetMinutes = BuildZones();

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Weekday optional, day unpadded, month name possibly long ("September"), 2- or 4-digit year, seconds optional.
    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s\-]+([A-Za-z]{3})[A-Za-z]*\.?[\s\-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([A-Za-z]{1,5}|[+\-]\d{1,2}:?\d{2})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    // W3CDTF profile of ISO 8601, plus compact forms ("20031231T101455Z") and a space instead of T.
    [GeneratedRegex(@"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+\-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"^[A-Za-z]{3},?\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\s*([A-Za-z]{1,5}|[+\-]\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AscTime();

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return ParseIso(text) ?? ParseRfc822(text) ?? ParseAscTime(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = Iso8601().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var fraction = m.Groups[7].Success ? double.Parse("0." + m.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
        return Build(
            Int(m.Groups[1]), Int(m.Groups[2], 1), Int(m.Groups[3], 1),
            Int(m.Groups[4]), Int(m.Groups[5]), Int(m.Groups[6]), fraction,
            m.Groups[8].Success ? m.Groups[8].Value : null);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822().Match(text);
        if (!m.Success || !Months.TryGetValue(m.Groups[2].Value, out var month))
        {
            return null;
        }

        var year = Int(m.Groups[3]);
        if (m.Groups[3].Value.Length == 2)
        {
            // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
            year += year < 50 ? 2000 : 1900;
        }
        else if (m.Groups[3].Value.Length == 3)
        {
            year += 1900;
        }

        return Build(year, month, Int(m.Groups[1]), Int(m.Groups[4]), Int(m.Groups[5]), Int(m.Groups[6]), 0,
            m.Groups[7].Success ? m.Groups[7].Value : null);
    }

    /// <summary>C asctime ("Sun Jan  4 16:29:06 2004"), which some Unix-made feeds emit; taken as UTC.</summary>
    private static DateTimeOffset? ParseAscTime(string text)
    {
        var m = AscTime().Match(text);
        return m.Success && Months.TryGetValue(m.Groups[1].Value, out var month)
            ? Build(Int(m.Groups[6]), month, Int(m.Groups[2]), Int(m.Groups[3]), Int(m.Groups[4]), Int(m.Groups[5]), 0,
                m.Groups[7].Success ? m.Groups[7].Value : null)
            : null;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, double fraction, string? zone)
    {
        if (ZoneOffset(zone) is not { } offset || year < 1 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(year, month) || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // 24:00 and leap second 60 are legal in the grammars; carry them instead of failing.
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddSeconds(fraction);
        try
        {
            return new DateTimeOffset(local, TimeSpan.Zero).AddMinutes(-offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Offset in minutes; a missing zone means UTC (both RFC 822 "-0000" and W3CDTF date-only use it).</summary>
    private static int? ZoneOffset(string? zone)
    {
        if (string.IsNullOrEmpty(zone))
        {
            return 0;
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length <= 2)
            {
                digits = digits.PadLeft(2, '0') + "00";
            }

            var hours = int.Parse(digits[..^2], CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits[^2..], CultureInfo.InvariantCulture);
            if (minutes > 59 || hours > 14)
            {
                return null;
            }

            var total = (hours * 60) + minutes;
            return zone[0] == '-' ? -total : total;
        }

        return ZoneOffsetMinutes.TryGetValue(zone, out var named) ? named : null;
    }

    private static int Int(Group group, int missing = 0) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : missing;

    private static FrozenDictionary<string, int> BuildZones()
    {
        var zones = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
            ["EST"] = -5 * 60, ["EDT"] = -4 * 60,
            ["CST"] = -6 * 60, ["CDT"] = -5 * 60,
            ["MST"] = -7 * 60, ["MDT"] = -6 * 60,
            ["PST"] = -8 * 60, ["PDT"] = -7 * 60,
            ["AST"] = -4 * 60, ["ADT"] = -3 * 60,
        };

        // RFC 822 military zones: A–I = -1…-9, K–M = -10…-12, N–Y = +1…+12 (RFC 1123 notes the signs were
        // published reversed; feeds follow RFC 822's text, as feedparser does).
        const string minus = "ABCDEFGHIKLM";
        const string plus = "NOPQRSTUVWXY";
        for (var i = 0; i < minus.Length; i++)
        {
            zones[minus[i].ToString()] = -(i + 1) * 60;
            zones[plus[i].ToString()] = (i + 1) * 60;
        }

        return zones.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

using System.Globalization;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Reads one configuration value as its option's type, or says in an operator's words what was wrong and what is
/// allowed: durations in the one syntax (<see cref="Duration"/>), enums by name only (a number would pass
/// <see cref="Enum.TryParse(Type, string, bool, out object)"/> unseen), numbers and booleans in the invariant culture.
/// </summary>
internal static class ValueConverter
{
    /// <summary>Types set from one value rather than from a section.</summary>
    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long)
            || underlying == typeof(double) || underlying == typeof(TimeSpan) || underlying.IsEnum;
    }

    /// <param name="nullable">An empty value sets null (an optional option left unset) rather than being refused.</param>
    public static bool TryConvert(Type type, string text, bool nullable, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (text.Length == 0 && (nullable || Nullable.GetUnderlyingType(type) is not null))
        {
            return true;
        }

        if (underlying == typeof(string))
        {
            value = text;
            return true;
        }

        if (text.Trim().Length == 0)
        {
            problem = $"is empty: write {Allowed(underlying)}";
            return false;
        }

        var ok = underlying switch
        {
            _ when underlying == typeof(TimeSpan) => TryDuration(text, out value, out problem),
            _ when underlying == typeof(bool) => TryBool(text, out value, out problem),
            _ when underlying == typeof(int) => TryInteger(text, int.MinValue, int.MaxValue, v => (int)v, out value, out problem),
            _ when underlying == typeof(long) => TryInteger(text, long.MinValue, long.MaxValue, v => v, out value, out problem),
            _ when underlying == typeof(double) => TryDouble(text, out value, out problem),
            _ => TryEnum(underlying, text, out value, out problem),
        };
        return ok;
    }

    /// <summary>An enum value as the documentation writes it: single words in lower case (link, drop, off), compound names as declared (MinId).</summary>
    public static string NameOf(Enum value)
    {
        var name = value.ToString();
        return name.Skip(1).Any(char.IsUpper) ? name : name.ToLowerInvariant();
    }

    private static string Allowed(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => Duration.Examples,
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(double) => "a number such as 0.5",
        _ when type.IsEnum => OneOf(type),
        _ => "a whole number",
    };

    private static bool TryDuration(string text, out object? value, out string problem)
    {
        var ok = Duration.TryParse(text, out var duration, out problem);
        value = duration;
        return ok;
    }

    private static bool TryBool(string text, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (bool.TryParse(text.Trim(), out var flag))
        {
            value = flag;
            return true;
        }

        problem = $"'{text}' is not true or false";
        return false;
    }

    private static bool TryInteger(string text, long min, long max, Func<long, object> box, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            problem = decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"'{text}' is not a whole number"
                : $"'{text}' is not a whole number (write digits only, as in 4)";
            return false;
        }

        if (number < min || number > max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' is out of range for a whole number ({min} to {max})");
            return false;
        }

        value = box(number);
        return true;
    }

    private static bool TryDouble(string text, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            value = number;
            return true;
        }

        problem = $"'{text}' is not a number (write it with a decimal point, as in 0.5)";
        return false;
    }

    private static bool TryEnum(Type type, string text, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        var name = text.Trim();
        var match = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            value = Enum.Parse(type, match);
            return true;
        }

        problem = $"'{text}' is not {OneOf(type)}";
        return false;
    }

    private static string OneOf(Type type)
    {
        var names = Enum.GetValues(type).Cast<Enum>().Select(NameOf).ToList();
        return names.Count == 1 ? names[0] : "one of " + string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}

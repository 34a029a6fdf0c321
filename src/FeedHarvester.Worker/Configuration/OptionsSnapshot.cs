using System.Collections;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Configuration;

/// <summary>Options as "key = value" lines, each value written as the operator writes it (durations, enum names), for comparing two configurations.</summary>
internal static class OptionsSnapshot
{
    public static IReadOnlyDictionary<string, string> Flatten(object options, string root)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Collect(options, root, values);
        return values;
    }

    private static void Collect(object target, string key, SortedDictionary<string, string> values)
    {
        foreach (var property in OptionsSchema.Properties(target.GetType()).Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var path = $"{key}:{property.Name}";
            if (path is FeedListResolver.FeedsKey or FeedListResolver.FeedsFileKey)
            {
                continue;
            }

            var value = property.GetValue(target);
            if (ValueConverter.IsScalar(property.PropertyType) || value is IList)
            {
                values[path] = Text(value);
            }
            else if (value is not null)
            {
                Collect(value, path, values);
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "(none)",
        TimeSpan duration => Duration.Format(duration),
        Enum name => ValueConverter.NameOf(name),
        bool flag => flag ? "true" : "false",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

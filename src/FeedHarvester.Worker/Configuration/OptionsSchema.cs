using System.Reflection;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Every key an options type reads, as segment arrays (<c>FeedHarvester, Fetching, Timeout</c>; a list index is
/// <see cref="AnyIndex"/>), and the properties the binder sets: public, with a public setter.
/// </summary>
internal sealed class OptionsSchema
{
    public const string AnyIndex = "*";

    private OptionsSchema(IReadOnlyList<string[]> keys) => Keys = keys;

    /// <summary>Sections and values alike, outermost first.</summary>
    public IReadOnlyList<string[]> Keys { get; }

    public static OptionsSchema For(Type type, string root)
    {
        var keys = new List<string[]> { new[] { root } };
        Collect(type, [root], keys);
        return new OptionsSchema(keys);
    }

    /// <summary>The properties a section of <paramref name="type"/> binds, by key (case-insensitive, as configuration keys are).</summary>
    public static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The element type of a list option, or null when <paramref name="type"/> is not one.</summary>
    public static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static void Collect(Type type, string[] prefix, List<string[]> keys)
    {
        foreach (var property in Properties(type).Values)
        {
            string[] path = [.. prefix, property.Name];
            keys.Add(path);
            var propertyType = property.PropertyType;
            if (ValueConverter.IsScalar(propertyType))
            {
                continue;
            }

            if (ElementType(propertyType) is { } element)
            {
                string[] item = [.. path, AnyIndex];
                keys.Add(item);
                if (!ValueConverter.IsScalar(element))
                {
                    Collect(element, item, keys);
                }

                continue;
            }

            Collect(propertyType, path, keys);
        }
    }
}

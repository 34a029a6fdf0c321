using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Sets an options object from the configuration, key by key, collecting every problem instead of stopping at the
/// first: a key no property reads (with the nearest valid key), a value its property cannot take (with what it can),
/// a list that is not one. Lists are taken whole from the one source with the highest precedence that sets them: the
/// framework's binder merges them index by index across sources, which mixed the shipped feed list into an operator's.
/// ConfigurationBinder cannot be told to do either (it stops at the first error, and ErrorOnUnknownConfiguration names
/// neither the source nor an alternative), and it converts durations with TimeSpan's TypeConverter ("30" is 30 days).
/// </summary>
internal sealed class OptionsBinder(ConfigurationTree tree, OptionsSchema schema, BindReport report)
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Bind(object target, string key) => BindObject(target, key, tree, report.Errors.Add);

    private void BindObject(object target, string key, ConfigurationTree view, Action<ConfigurationProblem> conversionProblem)
    {
        var properties = OptionsSchema.Properties(target.GetType());
        foreach (var child in view.Children(key))
        {
            var childKey = $"{key}:{child}";
            if (!properties.TryGetValue(child, out var property))
            {
                report.Errors.Add(Unknown(childKey, view));
                continue;
            }

            BindProperty(target, property, childKey, view, conversionProblem);
        }
    }

    private void BindProperty(object target, PropertyInfo property, string key, ConfigurationTree view, Action<ConfigurationProblem> conversionProblem)
    {
        var type = property.PropertyType;
        if (ValueConverter.IsScalar(type))
        {
            if (view.Children(key).Count > 0)
            {
                conversionProblem(Problem(key, view, $"takes one value, not a section (keys under it: {string.Join(", ", view.Children(key))})"));
            }
            else if (view.TryGetValue(key, out var text) && text is not null)
            {
                if (ValueConverter.TryConvert(type, text, IsNullable(property), out var value, out var problem))
                {
                    property.SetValue(target, value);
                }
                else
                {
                    conversionProblem(Problem(key, view, problem));
                }
            }

            return;
        }

        if (OptionsSchema.ElementType(type) is { } elementType)
        {
            BindList(target, property, key, view, elementType, conversionProblem);
            return;
        }

        // A section has no value of its own (an empty JSON object reads as null): a text there was meant as a value.
        if (view.TryGetValue(key, out var sectionValue) && !string.IsNullOrEmpty(sectionValue))
        {
            conversionProblem(Problem(key, view, $"'{sectionValue}' is a value, but {property.Name} is a section: set the keys under it"));
        }

        if (view.Children(key).Count == 0)
        {
            return;
        }

        var section = property.GetValue(target) ?? Activator.CreateInstance(type)!;
        BindObject(section, key, view, conversionProblem);
        property.SetValue(target, section);
    }

    private void BindList(object target, PropertyInfo property, string key, ConfigurationTree view, Type elementType, Action<ConfigurationProblem> conversionProblem)
    {
        var sources = view.ListSourcesOf(key);
        if (sources.Count == 0)
        {
            return;
        }

        var owner = sources[^1];
        if (sources.Count > 1)
        {
            report.Notes.Add($"{key}: the list in {SourceNames.Describe(owner, key)} replaces the one in " +
                string.Join(", ", sources.SkipLast(1).Select(s => SourceNames.Describe(s, key))) + " (lists are taken whole from one source, never merged)");
        }

        var single = view.Only(owner);
        var list = (IList)Activator.CreateInstance(property.PropertyType)!;
        property.SetValue(target, list);
        var indexes = Indexes(key, single);
        if (indexes.Count == 0)
        {
            if (single.TryGetValue(key, out var text) && !string.IsNullOrEmpty(text))
            {
                conversionProblem(Problem(key, single, $"'{text}' is a value, but {property.Name} is a list: {ListHint(key)}"));
            }
            else
            {
                _ = report.EmptyLists.Add(key);
            }

            return;
        }

        foreach (var (index, child) in indexes)
        {
            var elementKey = $"{key}:{child}";
            if (!ValueConverter.IsScalar(elementType))
            {
                var element = Activator.CreateInstance(elementType)!;
                var problems = new List<ConfigurationProblem>();
                BindObject(element, elementKey, single, problems.Add);
                _ = list.Add(element);
                report.AddEntry(key, new BoundEntry(index, elementKey, element, problems, SourceNames.Describe(owner, elementKey)));
            }
            else if (single.TryGetValue(elementKey, out var text) && text is not null)
            {
                if (ValueConverter.TryConvert(elementType, text, nullable: false, out var value, out var problem))
                {
                    _ = list.Add(value);
                }
                else
                {
                    conversionProblem(Problem(elementKey, single, problem));
                }
            }
        }
    }

    // The children of a list are its indexes, in order; anything else is reported (a JSON object where an array belongs).
    private List<(int Index, string Key)> Indexes(string key, ConfigurationTree view)
    {
        var indexes = new List<(int, string)>();
        foreach (var child in view.Children(key))
        {
            if (int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexes.Add((index, child));
            }
            else
            {
                report.Errors.Add(Problem($"{key}:{child}", view, $"is not a list index: {ListHint(key)}"));
            }
        }

        return indexes.OrderBy(i => i.Item1).ToList();
    }

    private ConfigurationProblem Unknown(string key, ConfigurationTree view)
    {
        var source = view.SourceOf(key);
        var suggestions = KeySuggestions.For(key, schema);
        var environment = SourceNames.IsEnvironment(source);
        string Spell(string k) => environment ? SourceNames.AsVariable(k) : k;
        var hint = suggestions.Count > 0
            ? "did you mean " + string.Join(" or ", suggestions.Select(Spell)) + "?"
            : "the keys there are " + string.Join(", ", KeySuggestions.Under(key[..key.LastIndexOf(':')], schema));
        return new ConfigurationProblem(key, source is null ? null : SourceNames.Describe(source, key), "unknown key; " + hint);
    }

    private static ConfigurationProblem Problem(string key, ConfigurationTree view, string message) =>
        new(key, view.SourceOf(key) is { } source ? SourceNames.Describe(source, key) : null, message);

    private static string ListHint(string key) =>
        $"write it as an array in JSON, or as {SourceNames.AsVariable(key)}__0, {SourceNames.AsVariable(key)}__1 … in the environment";

    private bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && _nullability.Create(property).WriteState == NullabilityState.Nullable);
}

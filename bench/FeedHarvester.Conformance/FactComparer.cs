using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace FeedHarvester.Conformance;

/// <summary>The corpus README's scoring rules: collapsed XML whitespace, HTML equivalence, dates as instants, null = absent or empty.</summary>
internal static partial class FactComparer
{
    private static readonly HtmlParser Parser = new();

    [GeneratedRegex(@"[ \t\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex XmlWhitespace();

    public static bool Matches(string fact, JsonElement expected, object? actual)
    {
        if (expected.ValueKind == JsonValueKind.Null || (expected.ValueKind == JsonValueKind.String && Collapse(expected.GetString()!).Length == 0))
        {
            return actual is null || (actual is string s && Collapse(s).Length == 0);
        }

        switch (actual)
        {
            case bool b:
                return expected.ValueKind is JsonValueKind.True or JsonValueKind.False && expected.GetBoolean() == b;
            case int n:
                return expected.ValueKind == JsonValueKind.Number && expected.GetInt32() == n;
            case DateTimeOffset date:
                return DateTimeOffset.TryParse(expected.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var want) && want == date;
            case string text:
                var wanted = expected.ValueKind == JsonValueKind.String ? expected.GetString()! : expected.GetRawText();
                return Collapse(wanted) == Collapse(text) || (IsHtmlFact(fact) && SameHtml(wanted, text));
            default:
                return false;
        }
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static bool IsHtmlFact(string fact) => fact.EndsWith(".summary", StringComparison.Ordinal) || fact.EndsWith(".content", StringComparison.Ordinal);

    private static string Collapse(string value) => XmlWhitespace().Replace(value, " ").Trim();

    private static bool SameHtml(string expected, string actual) => Collapse(Normalize(expected)) == Collapse(Normalize(actual));

    private static string Normalize(string html)
    {
        var document = Parser.ParseDocument("<body></body>");
        var nodes = Parser.ParseFragment(html, document.Body!);
        document.Body!.Append([.. nodes]);
        return document.Body.InnerHtml;
    }
}

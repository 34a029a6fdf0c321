using System.Text.RegularExpressions;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Declares a charset, right or wrong, without changing the bytes: in the Content-Type <c>header</c>, the XML
/// declaration (<c>prolog</c>) or a <c>meta</c> tag. Names include ones .NET refuses (utf-7) and bogus ones.
/// </summary>
internal sealed partial record DeclareCharset(string Charset, string Where) : Mutation
{
    public const string Header = "header";
    public const string Prolog = "prolog";
    public const string Meta = "meta";

    public override FuzzDocument Apply(FuzzDocument document) => Where switch
    {
        Header => document with { ContentType = MediaType(document.ContentType) + "; charset=" + Charset },
        Prolog => InProlog(document),
        _ => InMeta(document),
    };

    public override string Describe() => $"declare-charset({Charset} in {Where})";

    private static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
    }

    private FuzzDocument InProlog(FuzzDocument document)
    {
        var match = PrologEncoding().Match(document.Raw);
        if (match.Success && match.Index < 64)
        {
            var value = match.Groups["value"];
            return document.Replace(value.Index, value.Index + value.Length, Charset);
        }

        var declaration = $"<?xml version=\"1.0\" encoding=\"{Charset}\"?>";
        var prolog = document.Raw.IndexOf("<?xml", StringComparison.Ordinal);
        if (prolog is >= 0 and < 8)
        {
            var end = document.Raw.IndexOf("?>", prolog, StringComparison.Ordinal);
            return end < 0 ? document.Insert(0, declaration) : document.Replace(prolog, end + 2, declaration);
        }

        return document.Insert(0, declaration);
    }

    private FuzzDocument InMeta(FuzzDocument document)
    {
        var tag = $"<meta charset=\"{Charset}\">";
        var head = document.Raw.IndexOf("<head", StringComparison.OrdinalIgnoreCase);
        var at = head < 0 ? -1 : document.Raw.IndexOf('>', head);
        return document.Insert(at < 0 ? 0 : at + 1, tag);
    }

    [GeneratedRegex("<\\?xml[^>]*?encoding\\s*=\\s*[\"'](?<value>[^\"']*)[\"']")]
    private static partial Regex PrologEncoding();
}

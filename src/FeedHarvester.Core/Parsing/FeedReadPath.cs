namespace FeedHarvester.Parsing;

/// <summary>Which reader a parse result came through.</summary>
public enum FeedReadPath
{
    /// <summary>Nothing was read (refused or undetected document).</summary>
    None,

    /// <summary>CodeHollow.FeedReader gave the base values; the raw XML filled in and overrode fields (see FeedParser).</summary>
    CodeHollow,

    /// <summary>Raw XML only: CodeHollow could not read a document our loader recovered (tag soup, no RSS version, odd namespaces).</summary>
    RawXml,

    /// <summary>JSON Feed, read by our own reader.</summary>
    Json,
}

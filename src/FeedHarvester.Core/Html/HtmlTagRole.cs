namespace FeedHarvester.Html;

/// <summary>What a tag name means to the estimate, looked up once per distinct name in a scan.</summary>
[Flags]
internal enum HtmlTagRole
{
    None = 0,
    Void = 1 << 0,
    RawText = 1 << 1,
    ClosesParagraph = 1 << 2,
    ScopeBoundary = 1 << 3,
    ListItemBoundary = 1 << 4,
    TableBoundary = 1 << 5,
    RowBoundary = 1 << 6,
    Heading = 1 << 7,
    Cell = 1 << 8,
    Row = 1 << 9,
    TableSection = 1 << 10,
    ListItem = 1 << 11,
    DefinitionItem = 1 << 12,
    Foreign = 1 << 13,
}

namespace FeedHarvester.Extraction;

/// <summary>What a cleaning keeps that the article passes remove, when it reads the page's main region.</summary>
internal enum RegionScope
{
    /// <summary>An article pass: teasers and discussion are furniture.</summary>
    None,

    /// <summary>Teaser lists and boxes are kept (a listing's items); discussion is still the talk under a text.</summary>
    Items,

    /// <summary>Discussion is kept too: the page declares itself a thread or a list of posts.</summary>
    ItemsAndDiscussion,

    /// <summary>Nothing is removed by class or id words (only by structure: non-content, hidden, forms, chrome).</summary>
    Unnamed,
}

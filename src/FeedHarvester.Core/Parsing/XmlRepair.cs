namespace FeedHarvester.Parsing;

/// <summary>One textual repair applied to a document that failed strict XML parsing.</summary>
internal sealed record XmlRepair(string Name, string Reason, Func<string, string> Apply);

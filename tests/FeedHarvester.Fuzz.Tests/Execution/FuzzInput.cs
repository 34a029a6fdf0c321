using FeedHarvester.Fuzz.Corpus;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>One input as the pipeline receives it: the body bytes and the Content-Type they came with.</summary>
/// <param name="Extension">The seed's file extension (.xml, .json, .html), kept for saved findings.</param>
internal sealed record FuzzInput(byte[] Body, string ContentType, InputKind Kind, string Extension);

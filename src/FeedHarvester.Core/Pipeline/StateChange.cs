using FeedHarvester.Feeds;

namespace FeedHarvester.Pipeline;

/// <summary>A feed state after a poll, and the transition worth one log line, if any.</summary>
public sealed record StateChange(FeedState State, StateTransition Transition);

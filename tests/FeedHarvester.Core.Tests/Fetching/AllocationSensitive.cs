namespace FeedHarvester.Tests.Fetching;

/// <summary>Tests that measure allocations or wall-clock time run alone, so other tests' work does not blur the figures.</summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;

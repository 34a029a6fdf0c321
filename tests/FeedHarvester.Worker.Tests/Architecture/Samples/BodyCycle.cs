// Two namespaces that use each other, one of them only inside a method body: the graph must see both directions.
namespace FeedHarvester.Tests.Architecture.Samples.BodyCycle.Upstream
{
    internal sealed class Source
    {
        // Nothing in this type's signatures names Downstream; only the instructions of this method do.
        public static int Next() => Downstream.Tally.Count(3) + 1;
    }
}

namespace FeedHarvester.Tests.Architecture.Samples.BodyCycle.Downstream
{
    internal static class Tally
    {
        public static int Count(int value) => value * 2;
    }

    internal sealed class Holder
    {
        public Upstream.Source? Held { get; set; }
    }
}

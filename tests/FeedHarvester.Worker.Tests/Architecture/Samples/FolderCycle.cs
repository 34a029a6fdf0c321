// No two namespaces here use each other, but the folder Stage (Stage and Stage.Inner) and Other do.
namespace FeedHarvester.Tests.Architecture.Samples.FolderCycle.Stage
{
    internal sealed class Entry
    {
        public int Value { get; init; }
    }
}

namespace FeedHarvester.Tests.Architecture.Samples.FolderCycle.Stage.Inner
{
    internal sealed class Helper
    {
        public Other.Service? Service { get; init; }
    }
}

namespace FeedHarvester.Tests.Architecture.Samples.FolderCycle.Other
{
    internal sealed class Service
    {
        public static int Read() => new Stage.Entry { Value = 2 }.Value;
    }
}

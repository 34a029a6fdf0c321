namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// Inputs that fail on purpose, one per failure kind, so the harness's own tests can show that each is caught
/// and reported rather than taking the round down.
/// </summary>
internal static class SelfTests
{
    public const string StackOverflow = "stack-overflow";
    public const string Hang = "hang";
    public const string Spin = "spin";
    public const string Throw = "throw";
    public const string Allocate = "allocate";
    public const string Pass = "pass";

    /// <summary>Held by the allocate self-test: more than the small budget its test gives, little for the machine.</summary>
    public const int AllocateBytes = 256 * 1024 * 1024;

    private const string SelfTestStage = "self-test";

    public static void Run(string name, Action<string> enter)
    {
        enter(SelfTestStage);
        switch (name)
        {
            case StackOverflow:
                _ = Recurse(0);
                break;
            case Hang:
                Thread.Sleep(Timeout.Infinite);
                break;
            case Spin:
                for (var x = 0UL; x != ulong.MaxValue; x++)
                {
                    Thread.SpinWait(1000);
                }

                break;
            case Throw:
                throw new InvalidOperationException("self-test exception");
            case Allocate:
                var block = GC.AllocateUninitializedArray<byte>(AllocateBytes);
                Array.Fill(block, (byte)1);
                Thread.Sleep(500);
                GC.KeepAlive(block);
                break;
            case Pass:
                break;
            default:
                throw new ArgumentException($"unknown self-test '{name}'", nameof(name));
        }
    }

    // Not tail-recursive (the result is used), so the JIT cannot turn it into a loop.
    private static int Recurse(int depth) => depth == int.MaxValue ? depth : Recurse(depth + 1) + 1;
}

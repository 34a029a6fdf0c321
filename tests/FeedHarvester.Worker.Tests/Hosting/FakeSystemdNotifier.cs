using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting.Systemd;

namespace FeedHarvester.Tests.Hosting;

/// <summary>Records what would have been sent to systemd's notify socket.</summary>
internal sealed class FakeSystemdNotifier(bool isEnabled = true) : ISystemdNotifier
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public bool IsEnabled => isEnabled;

    public int Pings => Sent.Count(s => s == "WATCHDOG=1");

    public void Notify(ServiceState state) => Sent.Enqueue(state.ToString());
}

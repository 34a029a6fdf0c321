namespace FeedHarvester.Local.Tests;

/// <summary>Stands for the process dying at <see cref="Step"/>; nothing may catch it and carry on.</summary>
internal sealed class SimulatedCrashException(EmitStep step) : Exception($"simulated crash at {step}")
{
    public EmitStep Step { get; } = step;
}

namespace FeedHarvester.Local.Tests;

/// <summary>A fresh directory per test, deleted afterwards.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fh-local-tests", Guid.NewGuid().ToString("N"));
        _ = Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string OutputPath => System.IO.Path.Combine(Path, LocalStoreDefaults.OutputFileName);

    public LocalStoreOptions Options(int emitBatchSize = LocalStoreDefaults.EmitBatchSize) =>
        new() { DataDirectory = Path, EmitBatchSize = emitBatchSize };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test that produced it.
        }
    }
}

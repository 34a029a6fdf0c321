namespace FeedHarvester.Local.Tests;

public sealed class LocalStoreOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(Errors(new LocalStoreOptions()));
    }

    [Fact]
    public void Validate_EveryFieldInvalid_ReportsEveryErrorAtOnce()
    {
        var options = new LocalStoreOptions
        {
            DataDirectory = " ",
            OutputPath = "out/",
            BusyTimeout = TimeSpan.Zero,
            EmitBatchSize = 0,
            SeenKeyRetention = TimeSpan.FromMinutes(5),
        };

        var errors = Errors(options);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("LocalStoreOptions.DataDirectory: must be set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("LocalStoreOptions.OutputPath: must name a file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("LocalStoreOptions.BusyTimeout: must be from 1ms to 10m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("LocalStoreOptions.EmitBatchSize: must be from 1 to 10000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("LocalStoreOptions.SeenKeyRetention: must be from 1h to 3650d", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/tmp/fh/feedharvester.db")]
    [InlineData("/tmp/fh/feedharvester.db-wal")]
    [InlineData("/tmp/fh/feedharvester.lock")]
    public void Validate_OutputPathIsAFileOfTheStore_ReportsError(string outputPath)
    {
        var options = new LocalStoreOptions { DataDirectory = "/tmp/fh", OutputPath = outputPath };

        var error = Assert.Single(Errors(options));

        Assert.Contains("must not be the store's own database, its log or a lock file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OutputLockPath_IsAHiddenFileBesideTheOutput()
    {
        var options = new LocalStoreOptions { DataDirectory = "/tmp/fh", OutputPath = "/srv/out/articles.jsonl" };

        Assert.Equal("/srv/out/.articles.jsonl.lock", options.OutputLockPath);
    }

    [Fact]
    public void Options_NoOutputPath_DefaultsInsideDataDirectory()
    {
        var options = new LocalStoreOptions { DataDirectory = "/tmp/fh" };

        Assert.Equal("/tmp/fh/articles.jsonl", options.ResolvedOutputPath);
        Assert.Equal("/tmp/fh/feedharvester.db", options.DatabasePath);
    }

    private static List<string> Errors(LocalStoreOptions options) =>
        new LocalStoreOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}

namespace FeedHarvester.Local.Tests;

public sealed class LocalStoreOptionsValidatorTests
{
    [Fact]
    public void Collect_Defaults_NoErrors()
    {
        Assert.Empty(LocalStoreOptionsValidator.Collect(new LocalStoreOptions()));
    }

    [Fact]
    public void Collect_EveryFieldInvalid_ReportsEveryErrorAtOnce()
    {
        var options = new LocalStoreOptions
        {
            DataDirectory = " ",
            OutputPath = "out/",
            BusyTimeout = TimeSpan.Zero,
            EmitBatchSize = 0,
            SeenKeyRetention = TimeSpan.FromMinutes(5),
        };

        var errors = LocalStoreOptionsValidator.Collect(options);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("DataDirectory is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("OutputPath must name a file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BusyTimeout", StringComparison.Ordinal) && e.Contains("got 00:00:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("EmitBatchSize must be between 1 and 10000, got 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SeenKeyRetention must be between 01:00:00 and 3650.00:00:00, got 00:05:00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/tmp/fh/feedharvester.db")]
    [InlineData("/tmp/fh/feedharvester.db-wal")]
    [InlineData("/tmp/fh/feedharvester.lock")]
    public void Collect_OutputPathIsAFileOfTheStore_ReportsError(string outputPath)
    {
        var options = new LocalStoreOptions { DataDirectory = "/tmp/fh", OutputPath = outputPath };

        var error = Assert.Single(LocalStoreOptionsValidator.Collect(options));

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

    [Fact]
    public void Open_InvalidOptions_ThrowsWithEveryError()
    {
        var options = new LocalStoreOptions { DataDirectory = "", EmitBatchSize = -1 };

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => LocalStore.Open(options, TimeProvider.System, new CapturingLoggerFactory()));

        Assert.Equal(2, ex.Failures.Count());
    }
}

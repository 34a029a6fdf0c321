namespace FeedHarvester.Local;

/// <summary>
/// The two locks the store holds while open, the data directory's and the output file's, taken after proving both
/// directories writable, so each failure is reported as what it is: not writable, or held by another worker.
/// </summary>
internal sealed class StoreLocks : IDisposable
{
    private readonly LockFile _directory;
    private readonly LockFile _output;

    private StoreLocks(LockFile directory, LockFile output)
    {
        _directory = directory;
        _output = output;
    }

    /// <exception cref="LocalStoreException">A directory or the output is not writable, or another worker holds a lock.</exception>
    public static StoreLocks Acquire(LocalStoreOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        WritableDirectory.Ensure(dataDirectory, problem => StoreFaults.DataDirectoryNotWritable(dataDirectory, problem));
        var directoryLock = LockFile.AcquireDataDirectory(options.LockPath, dataDirectory);
        try
        {
            var output = options.ResolvedOutputPath;
            WritableDirectory.Ensure(Path.GetDirectoryName(output)!, problem => StoreFaults.OutputDirectoryNotWritable(output, problem));
            var outputLock = LockFile.AcquireOutput(options.OutputLockPath, output);
            try
            {
                EnsureWritable(output);
            }
            catch
            {
                outputLock.Dispose();
                throw;
            }

            return new StoreLocks(directoryLock, outputLock);
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _output.Dispose();
        _directory.Dispose();
    }

    // An output left by a worker running as another user would otherwise fail only at the first emit.
    private static void EnsureWritable(string output)
    {
        if (!File.Exists(output))
        {
            return;
        }

        try
        {
            using (new FileStream(output, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw StoreFaults.OutputFileNotWritable(output, ex);
        }
    }
}

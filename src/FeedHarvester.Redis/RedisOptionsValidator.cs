using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>Checks <see cref="RedisOptions"/> once at start-up and reports every problem together.</summary>
public static class RedisOptionsValidator
{
    private const string Prefix = nameof(RedisOptions) + ".";

    /// <summary>Every error found, empty when the options are usable.</summary>
    public static IReadOnlyList<string> Collect(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckConfiguration(options.Configuration, errors);
        CheckKeys(options, errors);
        CheckDuration(nameof(RedisOptions.SeenKeyRetention), options.SeenKeyRetention, TimeSpan.FromSeconds(1), RedisDefaults.MaxRetention, errors);
        CheckTrimming(options, errors);
        CheckDuration(nameof(RedisOptions.PollLeaseDuration), options.PollLeaseDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), errors);
        CheckDuration(nameof(RedisOptions.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromMilliseconds(100), RedisDefaults.MaxTimeout, errors);
        CheckDuration(nameof(RedisOptions.OperationTimeout), options.OperationTimeout, TimeSpan.FromMilliseconds(100), RedisDefaults.MaxTimeout, errors);
        return errors;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every error, if there is any.</summary>
    public static void ThrowIfInvalid(RedisOptions options)
    {
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RedisOptions), errors);
        }
    }

    private static void CheckConfiguration(string? configuration, List<string> errors)
    {
        const string Name = Prefix + nameof(RedisOptions.Configuration);
        if (string.IsNullOrWhiteSpace(configuration))
        {
            errors.Add($"{Name} is required in Redis mode, e.g. \"127.0.0.1:6379\".");
            return;
        }

        try
        {
            if (ConfigurationOptions.Parse(configuration).EndPoints.Count == 0)
            {
                errors.Add($"{Name} names no endpoint: \"{configuration}\".");
            }
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{Name} is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }
    }

    private static void CheckKeys(RedisOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            errors.Add($"{Prefix}{nameof(RedisOptions.KeyPrefix)} is required (default \"{RedisDefaults.KeyPrefix}\"): without it FeedHarvester keys mix with others.");
        }

        if (string.IsNullOrWhiteSpace(options.StreamKey))
        {
            errors.Add($"{Prefix}{nameof(RedisOptions.StreamKey)} is required (default \"{RedisDefaults.StreamKey}\").");
        }
        else if (!string.IsNullOrEmpty(options.KeyPrefix) && IsOwnKey(options.StreamKey, options.KeyPrefix))
        {
            errors.Add($"{Prefix}{nameof(RedisOptions.StreamKey)} \"{options.StreamKey}\" collides with the store's own keys under \"{options.KeyPrefix}\" (seen:, feed:, feeds, lease:, {RedisKeys.NearDuplicatePrefix(string.Empty)}).");
        }
    }

    // The stream may share the prefix (the defaults do), but not one of the sub-spaces the store writes itself.
    private static bool IsOwnKey(string streamKey, string keyPrefix) =>
        streamKey == RedisKeys.FeedIndex(keyPrefix)
        || streamKey.StartsWith(RedisKeys.SeenPrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.FeedPrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.LeasePrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.NearDuplicatePrefix(keyPrefix), StringComparison.Ordinal);

    private static void CheckTrimming(RedisOptions options, List<string> errors)
    {
        switch (options.StreamTrimming)
        {
            case StreamTrimming.MinId:
                CheckDuration(nameof(RedisOptions.StreamRetention), options.StreamRetention, TimeSpan.FromSeconds(1), RedisDefaults.MaxRetention, errors);

                // Seen keys expiring first would let a re-published article be added again while its first entry is still there.
                if (options.SeenKeyRetention < options.StreamRetention)
                {
                    errors.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Prefix}{nameof(RedisOptions.SeenKeyRetention)} ({options.SeenKeyRetention}) must be at least {Prefix}{nameof(RedisOptions.StreamRetention)} ({options.StreamRetention}), or an article re-published after its keys expired appears twice in the stream."));
                }

                break;
            case StreamTrimming.MaxLen:
                if (options.StreamMaxLength < 1)
                {
                    errors.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Prefix}{nameof(RedisOptions.StreamMaxLength)} must be at least 1 with MaxLen trimming, got {options.StreamMaxLength}."));
                }

                break;
            default:
                errors.Add($"{Prefix}{nameof(RedisOptions.StreamTrimming)} must be MinId or MaxLen, got {options.StreamTrimming}.");
                break;
        }
    }

    private static void CheckDuration(string name, TimeSpan value, TimeSpan min, TimeSpan max, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{name} must be between {min} and {max}, got {value}."));
        }
    }
}

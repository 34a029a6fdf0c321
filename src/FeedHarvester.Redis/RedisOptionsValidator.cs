using Microsoft.Extensions.Options;

namespace FeedHarvester.Redis;

/// <summary>
/// Checks <see cref="RedisOptions"/>, every problem at once: source-generated from the options' attributes and their
/// <see cref="RedisOptions.Validate"/>. The worker runs it at start-up as part of its root options validator.
/// </summary>
[OptionsValidator]
public sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;

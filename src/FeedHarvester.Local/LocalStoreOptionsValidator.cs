using Microsoft.Extensions.Options;

namespace FeedHarvester.Local;

/// <summary>
/// Checks <see cref="LocalStoreOptions"/>, every problem at once: the validator is source-generated from the options'
/// attributes and their <see cref="LocalStoreOptions.Validate"/>. The worker runs it at start-up, as part of its root
/// options validator, before the store is opened.
/// </summary>
[OptionsValidator]
public sealed partial class LocalStoreOptionsValidator : IValidateOptions<LocalStoreOptions>;

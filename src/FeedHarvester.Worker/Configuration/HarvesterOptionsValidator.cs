using System.ComponentModel.DataAnnotations;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Settings;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Checks every section of <see cref="HarvesterOptions"/> at once, source-generated from the options' attributes and
/// their <see cref="IValidatableObject.Validate"/>: the one options validator of the worker.
/// </summary>
[OptionsValidator]
internal sealed partial class HarvesterOptionsValidator : IValidateOptions<HarvesterOptions>;

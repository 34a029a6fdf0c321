using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FeedHarvester.Settings;

/// <summary>A numeric option's inclusive bounds, with a message that names the option's key first (see <see cref="OptionsPath"/>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class BetweenAttribute : RangeAttribute
{
    public BetweenAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public BetweenAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, "{0}: must be from {1} to {2}", name, Minimum, Maximum);
}

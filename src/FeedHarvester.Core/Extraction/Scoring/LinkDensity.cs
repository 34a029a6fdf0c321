using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>Share of an element's visible text that is link text.</summary>
public static class LinkDensity
{
    /// <summary>Measured afresh; the extractor itself reads it from its per-pass <see cref="TextStatsCache"/>.</summary>
    public static double Of(IElement element) => TextMeasurer.Measure(element).LinkDensity;
}

using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>Share of an element's visible text that is link text.</summary>
public static class LinkDensity
{
    public static double Of(IElement element) => TextMeasurer.Measure(element).LinkDensity;
}

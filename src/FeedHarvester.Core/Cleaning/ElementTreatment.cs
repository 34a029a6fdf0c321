namespace FeedHarvester.Cleaning;

/// <summary>What the cleaner does with one element of an article body.</summary>
internal enum ElementTreatment
{
    /// <summary>Keep the element (its attributes are sanitized later).</summary>
    Keep,

    /// <summary>Drop the element's tag and keep what is inside it in its place.</summary>
    Unwrap,

    /// <summary>Drop the element with everything inside it.</summary>
    Drop,
}

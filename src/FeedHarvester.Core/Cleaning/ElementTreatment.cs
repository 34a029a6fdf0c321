namespace FeedHarvester.Cleaning;

/// <summary>What the cleaner does with one element of an article body.</summary>
internal enum ElementTreatment
{
    /// <summary>Keep the element (its attributes are sanitized later).</summary>
    Keep,

    /// <summary>Drop the element's tag and keep what is inside it in its place.</summary>
    Unwrap,

    /// <summary>
    /// Replace the element by a plain &lt;div&gt; holding what was inside it: a block not on the list (a form, a
    /// fieldset, a centre) still ends a paragraph, so unwrapping it would glue its text to the next block's.
    /// </summary>
    AsDivision,

    /// <summary>Drop the element with everything inside it.</summary>
    Drop,
}

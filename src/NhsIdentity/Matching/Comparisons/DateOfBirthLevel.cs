namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.DateOfBirth"/> comparison, best first.</summary>
/// <remarks>
/// <para>A 1 January date may be a placeholder that a supplier keyed when only the year was known
/// (<see cref="Demographics.DateOfBirth.IsPossiblePlaceholder"/>), so a pair in which either date is 1 January gets
/// <see cref="WithinOneYear"/> at best; so does a pair in which either date has only a year or a year and month.</para>
/// </remarks>
public enum DateOfBirthLevel
{
    /// <summary>Equal full dates.</summary>
    Exact = 0,

    /// <summary>Same year, day and month swapped (a US-style date read day-first, or the reverse).</summary>
    DayMonthSwapped = 1,

    /// <summary>One digit of <c>yyyyMMdd</c> differs (Levenshtein distance 1 on the eight digits: a typing error).</summary>
    OneDigitDifferent = 2,

    /// <summary>Two of year, month and day equal.</summary>
    TwoPartsEqual = 3,

    /// <summary>Within 365 days of each other, or the same year where a date is partial or a possible placeholder.</summary>
    WithinOneYear = 4,

    /// <summary>None of the above.</summary>
    Else = 5,
}

namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.LocalIdentifier"/> comparison, best first.</summary>
/// <remarks>Identifiers are compared upper-cased with spaces and punctuation removed.</remarks>
public enum LocalIdentifierLevel
{
    /// <summary>Equal.</summary>
    Exact = 0,

    /// <summary>One edit apart (a substitution, insertion, deletion or adjacent transposition).</summary>
    OneEdit = 1,

    /// <summary>None of the above.</summary>
    Else = 2,
}

using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Internal;

/// <summary>Throw sites of the string-similarity measures, kept out of the hot methods. Messages never include the compared text.</summary>
internal static class SimilarityThrowHelper
{
    [DoesNotReturn]
    public static void ThrowPrefixScaleOutOfRange(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "The Jaro-Winkler prefix scale must be between 0 and 0.25 (0.25 x 4 prefix chars keeps the similarity at most 1).");

    [DoesNotReturn]
    public static void ThrowNegativeMaxDistance(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "The maximum distance must not be negative.");
}

using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The entry test of the one-off similarity methods' fast path: the first string is the pattern, as it is, when it
/// fits one <see cref="SimilarityVectorMask"/> register.
/// </summary>
/// <remarks>
/// On names (about 6 chars) the cost of a one-off comparison was mostly its set-up, not the bit-parallel loop:
/// stripping the common prefix and suffix and ordering the pair by length are short loops and branches whose
/// outcome changes from pair to pair, so each mispredicts often (measured: the static Levenshtein distance took
/// 0.63 of its time once they were skipped). The measures are symmetric and the single-word cores take a pattern
/// of any length up to their limit, so neither step is needed for correctness; the 16-char test is predictable
/// (true for nearly every name). Longer first strings keep the trimming and ordering, which can bring a long pair
/// within one word.
/// </remarks>
internal static class SimilarityShortPath
{
    /// <summary>Whether <paramref name="pattern"/> can be used as the pattern of a vector mask without ordering or trimming.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(ReadOnlySpan<char> pattern) =>
        pattern.Length <= SimilarityVectorMask.MaxLength && SimilarityVectorMask.IsSupported;
}

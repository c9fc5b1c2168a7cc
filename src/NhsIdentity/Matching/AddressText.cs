using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching;

/// <summary>The address comparison's text form and measure: <see cref="TokenSet"/>'s prepared form (upper-case ASCII
/// letter and digit tokens, sorted, unique) compared by token-set similarity.</summary>
internal static class AddressText
{
    public static int GetMaxPreparedLength(int textLength) => TokenSet.GetMaxPreparedLength(textLength);

    public static int Prepare(ReadOnlySpan<char> text, Span<char> destination) =>
        TokenSet.TryPrepare(text, destination, out var written) ? written : 0;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => TokenSet.SimilarityOfPrepared(a, b);
}

using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

// Refusing keys that did not come from a random generator.
public sealed partial class PseudonymKey
{
    /// <summary>The least estimated entropy a key must have, 128 bits (<see cref="EstimateEntropyBits"/>), unless
    /// <see cref="PseudonymKeyOptions.AllowWeakKey"/> is set.</summary>
    public const double MinimumEstimatedEntropyBits = 128;

    /// <summary>
    /// Estimates a key's entropy in bits from its bytes alone: <c>n · H</c>, where <c>n</c> is the key's length and
    /// <c>H = −Σ (c_v / n) · log2(c_v / n)</c> is the empirical Shannon entropy of its byte histogram (<c>c_v</c> is how
    /// many times byte value <c>v</c> occurs; values that do not occur add nothing).
    /// </summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>The estimate in bits: 0 for an empty key or one whose bytes all have one value; at most
    /// <c>n · log2(min(n, 256))</c> (160 bits for 32 distinct bytes).</returns>
    /// <remarks>
    /// <para>
    /// <b>What it catches.</b> The estimate sees only how many distinct byte values a key has and how evenly they
    /// occur, not their order: 32 zero bytes score 0, a 32-character ASCII password of eight letters about 96, a
    /// repeated pattern or a key made of a few values is well under 128. It cannot tell a random key from a
    /// well-mixed but guessable one (the bytes 0x00 to 0x1F in order score 160): it is a floor against mistakes, not a
    /// proof of randomness. Generate keys with a cryptographic generator (<c>openssl rand -hex 32</c>).
    /// </para>
    /// <para>
    /// <b>Random keys pass.</b> A key is refused as weak when the estimate is below
    /// <see cref="MinimumEstimatedEntropyBits"/> (128). For <c>n</c> uniformly random bytes that happens only when
    /// many byte values repeat; summing the exact probabilities of every histogram shape of <c>n</c> bytes over 256
    /// values gives a false refusal probability of 2<sup>−36</sup> (about 1 in 69 billion) for <c>n</c> = 32,
    /// 2<sup>−54</sup> for 34, 2<sup>−72</sup> for 36 and below 2<sup>−107</sup> for 40 bytes or more. A 64-byte key
    /// (<c>openssl rand -hex 64</c>) is practically never refused.
    /// </para>
    /// </remarks>
    public static double EstimateEntropyBits(ReadOnlySpan<byte> key)
    {
        Span<int> counts = stackalloc int[256];
        counts.Clear();
        foreach (var b in key)
        {
            counts[b]++;
        }

        // n·H = Σ c·log2(n / c): summed per value so the result does not depend on the order of the bytes.
        double n = key.Length, bits = 0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                bits += count * Math.Log2(n / count);
            }
        }

        counts.Clear();
        return bits;
    }

    /// <summary>Refuses a weak key (see <see cref="PseudonymKeyOptions.AllowWeakKey"/>).</summary>
    private static void CheckStrength(ReadOnlySpan<byte> secret, string paramName)
    {
        if (!secret.ContainsAnyExcept(secret[0]))
        {
            PrivacyThrowHelper.ThrowKeyAllOneByteValue(paramName);
        }

        if (EstimateEntropyBits(secret) < MinimumEstimatedEntropyBits)
        {
            PrivacyThrowHelper.ThrowKeyLowEntropy(paramName, (int)MinimumEstimatedEntropyBits);
        }
    }
}

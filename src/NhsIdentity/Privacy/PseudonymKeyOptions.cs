namespace NhsIdentity.Privacy;

/// <summary>What <see cref="PseudonymKey"/> accepts as a key. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>.</remarks>
public sealed record PseudonymKeyOptions
{
    /// <summary>The options used when none are given: weak keys are refused.</summary>
    public static PseudonymKeyOptions Default { get; } = new();

    /// <summary>
    /// Gets whether a weak key is accepted: one whose bytes all have one value, or whose estimated entropy is below
    /// <see cref="PseudonymKey.MinimumEstimatedEntropyBits"/> (see <see cref="PseudonymKey.EstimateEntropyBits"/>).
    /// Default <see langword="false"/>. Set it only for published test vectors (RFC 4231's key of 131 bytes 0xAA, for
    /// instance): pseudonyms under a guessable key can be reversed by anyone who guesses it, because NHS numbers are
    /// few enough to try them all.
    /// </summary>
    public bool AllowWeakKey { get; init; }
}

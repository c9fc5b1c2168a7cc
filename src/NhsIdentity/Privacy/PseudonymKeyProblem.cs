namespace NhsIdentity.Privacy;

/// <summary>Why a key, or a key file, cannot be used (<see cref="PseudonymKeyException.Problem"/>).</summary>
public enum PseudonymKeyProblem
{
    /// <summary>The key, after decoding, is shorter than <see cref="PseudonymKey.MinimumKeyLength"/> bytes.</summary>
    TooShort = 1,

    /// <summary>The key file is empty, or holds only white space and line breaks.</summary>
    EmptyFile,

    /// <summary>The key file is text that is nearly all hexadecimal digits but is not valid hexadecimal: a character
    /// that is neither a hex digit nor white space (a mistyped digit, a pasted <c>0x</c> or colon), or an odd number of
    /// digits. It is never read as base64 or as raw bytes instead, which would be a different key.</summary>
    MalformedHex,

    /// <summary>The key file is text (UTF-8 without control characters other than white space) but neither
    /// hexadecimal nor base64 once white space and line breaks are removed. Text is never taken as raw key bytes.</summary>
    NotHexOrBase64,

    /// <summary>Every byte of the key has the same value (32 zero bytes, for instance).</summary>
    AllOneByteValue,

    /// <summary>The key's estimated entropy (<see cref="PseudonymKey.EstimateEntropyBits"/>) is below
    /// <see cref="PseudonymKey.MinimumEstimatedEntropyBits"/>: too few distinct byte values, or too uneven a mix, to
    /// have come from a random generator.</summary>
    LowEntropy,

    /// <summary>The key file is larger than <see cref="PseudonymKey.MaxKeyFileLength"/> bytes.</summary>
    FileTooLarge,
}

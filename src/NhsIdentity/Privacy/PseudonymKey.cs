using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

/// <summary>
/// A secret key and a project label for keyed pseudonyms (HMAC-SHA256): the same value gets the same pseudonym under
/// the same key and label, and an unrelated one under any other key or label.
/// </summary>
/// <remarks>
/// <para>
/// <b>Key.</b> At least <see cref="MinimumKeyLength"/> (32) bytes, which should be random (for example
/// <c>openssl rand -hex 32</c>) and kept as a secret by the data controller, outside the code and the extract. There
/// is no default key. A weak key (all one byte value, or under <see cref="MinimumEstimatedEntropyBits"/> bits by
/// <see cref="EstimateEntropyBits"/>) is refused unless <see cref="PseudonymKeyOptions.AllowWeakKey"/> is set: an
/// NHS number's pseudonym under a guessable key is reversed by trying every number. The key is copied on construction, so the caller may erase its own copy;
/// <see cref="Dispose"/> erases this one.
/// </para>
/// <para>
/// <b>Label.</b> A project or domain name (for example <c>"asthma-study-2026"</c>), 1 to <see cref="MaxLabelByteCount"/>
/// bytes in UTF-8, compared byte for byte (case matters; it is not normalised). The label is mixed into every
/// pseudonym, so one key can serve several projects whose extracts must not link with each other. It is not secret.
/// </para>
/// <para>
/// <b>Byte layout.</b> Every pseudonym is <c>HMAC-SHA256(key, message)</c> (RFC 2104, FIPS 180-4) with
/// <c>message = BE32(n) ‖ label ‖ tag ‖ value</c>: <c>n</c> is the label's UTF-8 byte count as a 4-byte big-endian
/// integer, <c>label</c> its UTF-8 bytes, <c>tag</c> one ASCII byte naming the field (<c>N</c> 0x4E NHS number,
/// <c>D</c> 0x44 date of birth, <c>P</c> 0x50 postcode) and <c>value</c> the field's canonical ASCII text (see
/// <see cref="NhsNumberPseudonymiser"/>). The length prefix makes the encoding unambiguous (no label and value can
/// run into each other), and the tag keeps the fields apart: an NHS number's pseudonym never equals a postcode's.
/// </para>
/// <para>
/// <see cref="ToString"/> shows the label and the key length, never the key. Instances are immutable and safe to share
/// across threads; do not dispose one while another thread is using it.
/// </para>
/// </remarks>
public sealed partial class PseudonymKey : IDisposable
{
    /// <summary>The shortest accepted key, 32 bytes (256 bits, the HMAC-SHA256 output size; RFC 2104 section 3).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The longest accepted label, 256 bytes in UTF-8 (keeps the message a small stack buffer).</summary>
    public const int MaxLabelByteCount = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _secret;
    private readonly byte[] _messagePrefix;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance from a secret key and a label, refusing a weak key.</summary>
    /// <param name="secret">The secret key, at least <see cref="MinimumKeyLength"/> bytes; it is copied.</param>
    /// <param name="label">The project or domain label, 1 to <see cref="MaxLabelByteCount"/> UTF-8 bytes.</param>
    /// <exception cref="PseudonymKeyException">
    /// The key is shorter than <see cref="MinimumKeyLength"/> bytes, or weak (all one byte value, or under
    /// <see cref="MinimumEstimatedEntropyBits"/> bits by <see cref="EstimateEntropyBits"/>); <see cref="PseudonymKeyException.Problem"/>
    /// says which. The message never shows the key.
    /// </exception>
    /// <exception cref="ArgumentException">The label is empty, white space, too long or not well-formed text.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    public PseudonymKey(ReadOnlySpan<byte> secret, string label)
        : this(secret, label, PseudonymKeyOptions.Default)
    {
    }

    /// <summary>Initializes a new instance from a secret key and a label, with options (to accept a weak test key).</summary>
    /// <param name="secret">The secret key, at least <see cref="MinimumKeyLength"/> bytes; it is copied.</param>
    /// <param name="label">The project or domain label, 1 to <see cref="MaxLabelByteCount"/> UTF-8 bytes.</param>
    /// <param name="options">What to accept (<see cref="PseudonymKeyOptions.AllowWeakKey"/>).</param>
    /// <exception cref="PseudonymKeyException">
    /// The key is shorter than <see cref="MinimumKeyLength"/> bytes, or weak and <paramref name="options"/> does not
    /// allow it. The message never shows the key.
    /// </exception>
    /// <exception cref="ArgumentException">The label is empty, white space, too long or not well-formed text.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public PseudonymKey(ReadOnlySpan<byte> secret, string label, PseudonymKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(options);
        if (secret.Length < MinimumKeyLength)
        {
            PrivacyThrowHelper.ThrowKeyTooShort(nameof(secret), MinimumKeyLength);
        }

        if (!options.AllowWeakKey)
        {
            CheckStrength(secret, nameof(secret));
        }

        _messagePrefix = EncodeLabel(label);
        _secret = secret.ToArray();
        Label = label;
    }

    /// <summary>Gets the project or domain label mixed into every pseudonym.</summary>
    public string Label { get; }

    /// <summary>Gets the key length in bytes (not the key).</summary>
    public int KeyLength => _secret.Length;

    /// <summary>The key bytes, for HMAC only.</summary>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    internal ReadOnlySpan<byte> Secret
    {
        get
        {
            if (_disposed)
            {
                PrivacyThrowHelper.ThrowDisposed();
            }

            return _secret;
        }
    }

    /// <summary>The fixed start of every HMAC message: <c>BE32(n) ‖ label</c>.</summary>
    internal ReadOnlySpan<byte> MessagePrefix => _messagePrefix;

    /// <summary>Describes the key without revealing it: its label and length.</summary>
    /// <returns>For example <c>PseudonymKey(label: asthma-study, 32 bytes)</c>.</returns>
    public override string ToString() => $"PseudonymKey(label: {Label}, {_secret.Length} bytes)";

    /// <summary>Erases the key bytes; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_secret);
    }

    private static byte[] EncodeLabel(string label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            PrivacyThrowHelper.ThrowLabelEmpty(nameof(label));
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(label);
        }
        catch (EncoderFallbackException)
        {
            PrivacyThrowHelper.ThrowLabelNotText(nameof(label));
            throw; // unreachable
        }

        if (byteCount > MaxLabelByteCount)
        {
            PrivacyThrowHelper.ThrowLabelTooLong(nameof(label), MaxLabelByteCount);
        }

        var prefix = new byte[sizeof(int) + byteCount];
        BinaryPrimitives.WriteInt32BigEndian(prefix, byteCount);
        StrictUtf8.GetBytes(label, prefix.AsSpan(sizeof(int)));
        return prefix;
    }
}

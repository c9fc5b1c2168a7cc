using System.Buffers;
using System.Runtime.InteropServices;

namespace NhsIdentity.Privacy;

public sealed partial class NhsNumberSet
{
    /// <summary>
    /// The read buffer size in code units; a line longer than this cannot be an NHS number and is rejected unread.
    /// 32 Ki units keep both the byte and the char buffer below the large-object heap threshold (85,000 bytes).
    /// </summary>
    private const int ChunkLength = 32 * 1024;

    /// <summary>
    /// Loads a list of NHS numbers from UTF-8 text (a byte-order mark is allowed): one number per line, in any layout
    /// <see cref="NhsNumberStyles.Lenient"/> accepts (<c>9990000018</c>, <c>999 000 0018</c>, surrounding white space,
    /// LF or CRLF line ends).
    /// </summary>
    /// <param name="utf8Text">The list. It is read to the end and not closed.</param>
    /// <param name="rejectedLines">
    /// The number of non-blank lines that are not a valid NHS number (a header line counts here). Blank lines are
    /// skipped and not counted. The lines themselves are never reported.
    /// </param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Text"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static NhsNumberSet Load(Stream utf8Text, out long rejectedLines)
    {
        ArgumentNullException.ThrowIfNull(utf8Text);
        return Load<byte>(utf8Text.Read, out rejectedLines);
    }

    /// <summary>
    /// Loads a list of NHS numbers from text: one number per line, as for <see cref="Load(Stream, out long)"/>.
    /// </summary>
    /// <param name="text">The list. It is read to the end and not closed.</param>
    /// <param name="rejectedLines">The number of non-blank lines that are not a valid NHS number; blank lines are not counted.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The reader fails.</exception>
    public static NhsNumberSet Load(TextReader text, out long rejectedLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load<char>(text.Read, out rejectedLines);
    }

    private delegate int ChunkReader<TChar>(Span<TChar> buffer);

    private static NhsNumberSet Load<TChar>(ChunkReader<TChar> chunkReader, out long rejectedLines)
        where TChar : unmanaged, IEquatable<TChar>
    {
        var lineFeed = CastUnit<TChar>('\n');
        var builder = new BaseBuffer(1024);
        var buffer = ArrayPool<TChar>.Shared.Rent(ChunkLength);
        long rejected = 0;
        try
        {
            // Fill at least three units first, so that a byte-order mark is seen whole even from a trickling stream.
            var filled = 0;
            var atEnd = false;
            while (filled < 3 && !atEnd)
            {
                var count = chunkReader(buffer.AsSpan(filled));
                atEnd = count == 0;
                filled += count;
            }

            var bom = ByteOrderMarkLength<TChar>(buffer.AsSpan(0, filled));
            buffer.AsSpan(bom, filled - bom).CopyTo(buffer);
            filled -= bom;

            var skippingLongLine = false;
            while (true)
            {
                var pending = buffer.AsSpan(0, filled);
                var consumed = 0;
                int lineLength;
                while ((lineLength = pending[consumed..].IndexOf(lineFeed)) >= 0)
                {
                    if (skippingLongLine)
                    {
                        skippingLongLine = false;
                    }
                    else
                    {
                        AddLine<TChar>(pending.Slice(consumed, lineLength), ref builder, ref rejected);
                    }

                    consumed += lineLength + 1;
                }

                if (atEnd)
                {
                    if (consumed < filled && !skippingLongLine)
                    {
                        AddLine<TChar>(pending[consumed..], ref builder, ref rejected);
                    }

                    break;
                }

                if (consumed == 0 && filled == buffer.Length)
                {
                    // A whole buffer without a line end is not a number: count it once and drop the rest of the line.
                    if (!skippingLongLine)
                    {
                        rejected++;
                        skippingLongLine = true;
                    }

                    filled = 0;
                }
                else
                {
                    pending[consumed..].CopyTo(buffer);
                    filled -= consumed;
                }

                var read = chunkReader(buffer.AsSpan(filled));
                atEnd = read == 0;
                filled += read;
            }
        }
        finally
        {
            // The buffer held NHS numbers: clear it before it goes back to the shared pool.
            ArrayPool<TChar>.Shared.Return(buffer, clearArray: true);
        }

        rejectedLines = rejected;
        return builder.ToSet();
    }

    private static void AddLine<TChar>(ReadOnlySpan<TChar> line, ref BaseBuffer builder, ref long rejected)
        where TChar : unmanaged
    {
        NhsNumberStatus status;
        NhsNumber number;
        if (typeof(TChar) == typeof(byte))
        {
            NhsNumber.TryParse(MemoryMarshal.Cast<TChar, byte>(line), NhsNumberStyles.Lenient, out number, out status);
        }
        else
        {
            NhsNumber.TryParse(MemoryMarshal.Cast<TChar, char>(line), NhsNumberStyles.Lenient, out number, out status);
        }

        if (status == NhsNumberStatus.Valid)
        {
            builder.Add((uint)number.Base);
        }
        else if (status != NhsNumberStatus.Empty)
        {
            rejected++;
        }
    }

    private static int ByteOrderMarkLength<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged
    {
        if (typeof(TChar) == typeof(byte))
        {
            return MemoryMarshal.Cast<TChar, byte>(text).StartsWith("\uFEFF"u8) ? 3 : 0;
        }

        return MemoryMarshal.Cast<TChar, char>(text).StartsWith('\uFEFF') ? 1 : 0;
    }

    private static TChar CastUnit<TChar>(char c)
        where TChar : unmanaged
    {
        if (typeof(TChar) == typeof(byte))
        {
            var b = (byte)c;
            return MemoryMarshal.Cast<byte, TChar>(new ReadOnlySpan<byte>(in b))[0];
        }

        return MemoryMarshal.Cast<char, TChar>(new ReadOnlySpan<char>(in c))[0];
    }
}

using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;

namespace NhsIdentity.Interop;

/// <summary>
/// Reads the patient attributes of a DICOM file (a PACS export, a modality worklist item, a study sent by another
/// trust) without a DICOM toolkit: the header only, up to the end of the patient group, so a large image costs no
/// more than its first kilobytes.
/// </summary>
/// <remarks>
/// <para>Reads DICOM Part 10 files (128-byte preamble, <c>DICM</c>, file meta information) and bare data sets, in
/// implicit VR little endian, explicit VR little endian (which every compressed-pixel syntax uses for the data set),
/// the retired explicit VR big endian, and deflated explicit VR little endian. Sequences are stepped over at any
/// nesting, defined or undefined length. Text is decoded with the Specific Character Set (0008,0005): the default
/// repertoire, ISO_IR 100 (Latin-1) and ISO_IR 192 (UTF-8); any other set is refused
/// (<see cref="DicomReadError.UnsupportedCharacterSet"/>) rather than read as the wrong letters.</para>
/// <para>The attributes' <see cref="DicomPatientAttributes.RecordId"/> is the Accession Number (0008,0050), else the
/// SOP Instance UID (0008,0018): identifiers of the study or the object, not of the person.</para>
/// <para>Errors say what is wrong in the file's structure, never a value from it.</para>
/// </remarks>
public static class DicomFile
{
    /// <summary>The largest header read, in bytes (16 MiB): everything before the end of the patient group. Real
    /// headers are a few kilobytes; a larger one is refused (<see cref="DicomReadError.HeaderTooLarge"/>).</summary>
    public const int MaxHeaderBytes = 16 * 1024 * 1024;

    private const int FirstRead = 64 * 1024;

    /// <summary>Reads the patient attributes of a DICOM file.</summary>
    /// <param name="stream">The file's bytes from its start; read as far as the end of the patient group and left
    /// open.</param>
    /// <returns>The attributes (absent ones null).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="DicomReadException">The bytes are not a DICOM file this reader can read; its
    /// <see cref="DicomReadException.Error"/> says why.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static DicomPatientAttributes ReadPatient(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return TryReadPatient(stream, out var attributes, out var error) ? attributes : throw new DicomReadException(error);
    }

    /// <summary>Reads the patient attributes of a DICOM file's path.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The attributes (absent ones null).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DicomReadException">The file is not a DICOM file this reader can read.</exception>
    /// <exception cref="IOException">The file could not be opened or read.</exception>
    public static DicomPatientAttributes ReadPatient(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadPatient(stream);
    }

    /// <summary>Tries to read the patient attributes of a DICOM file.</summary>
    /// <param name="stream">The file's bytes from its start; read as far as the end of the patient group and left
    /// open.</param>
    /// <param name="attributes">The attributes when the file could be read; otherwise null.</param>
    /// <param name="error">Why the file could not be read; <see cref="DicomReadError.None"/> when it could.</param>
    /// <returns>Whether the file could be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream could not be read (a broken file is an <paramref name="error"/>, not an
    /// exception).</exception>
    public static bool TryReadPatient(Stream stream, [NotNullWhen(true)] out DicomPatientAttributes? attributes, out DicomReadError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        attributes = null;
        try
        {
            var raw = new GrowingBuffer(stream);
            string transferSyntax;
            int dataSetStart;
            while (true)
            {
                try
                {
                    transferSyntax = DicomHeaderParser.ReadMeta(raw.Filled, raw.Complete, out dataSetStart);
                    break;
                }
                catch (DicomParseStop stop) when (stop.Error == DicomReadError.None)
                {
                    raw.Grow();
                }
            }

            if (transferSyntax is DicomHeaderParser.DeflatedExplicitVrLittleEndian or JpipReferencedDeflate)
            {
                using var prefixed = new PrefixedStream(raw.Bytes, dataSetStart, raw.Length, stream);
                using var inflater = new DeflateStream(prefixed, CompressionMode.Decompress, leaveOpen: true);
                attributes = ReadDataSet(new GrowingBuffer(inflater), 0, explicitVr: true, bigEndian: false);
            }
            else if (!transferSyntax.StartsWith("1.2.840.10008.1.2", StringComparison.Ordinal))
            {
                error = DicomReadError.UnsupportedTransferSyntax; // a private syntax: its data set encoding is unknown
                return false;
            }
            else
            {
                attributes = ReadDataSet(raw, dataSetStart,
                    explicitVr: transferSyntax != DicomHeaderParser.ImplicitVrLittleEndian,
                    bigEndian: transferSyntax == DicomHeaderParser.ExplicitVrBigEndian);
            }

            error = DicomReadError.None;
            return true;
        }
        catch (DicomParseStop stop)
        {
            error = stop.Error;
            return false;
        }
        catch (InvalidDataException)
        {
            error = DicomReadError.UnsupportedTransferSyntax; // damaged deflate data
            return false;
        }
    }

    private const string JpipReferencedDeflate = "1.2.840.10008.1.2.4.95";

    private static DicomPatientAttributes ReadDataSet(GrowingBuffer buffer, int start, bool explicitVr, bool bigEndian)
    {
        while (true)
        {
            try
            {
                return DicomHeaderParser.ReadPatient(buffer.Filled[start..], buffer.Complete, explicitVr, bigEndian);
            }
            catch (DicomParseStop stop) when (stop.Error == DicomReadError.None)
            {
                buffer.Grow();
            }
        }
    }

    /// <summary>The first bytes of a stream, read in doubling amounts up to <see cref="MaxHeaderBytes"/>.</summary>
    private sealed class GrowingBuffer
    {
        private readonly Stream _stream;

        public GrowingBuffer(Stream stream)
        {
            _stream = stream;
            Bytes = new byte[FirstRead];
            Fill();
        }

        public byte[] Bytes { get; private set; }

        public int Length { get; private set; }

        public bool Complete { get; private set; }

        public ReadOnlySpan<byte> Filled => Bytes.AsSpan(0, Length);

        public void Grow()
        {
            if (Complete)
            {
                throw new DicomParseStop(DicomReadError.Truncated); // the parser asked for more of a whole file
            }

            if (Bytes.Length >= MaxHeaderBytes)
            {
                throw new DicomParseStop(DicomReadError.HeaderTooLarge);
            }

            var larger = new byte[Math.Min(MaxHeaderBytes, Bytes.Length * 2)];
            Bytes.AsSpan(0, Length).CopyTo(larger);
            Bytes = larger;
            Fill();
        }

        private void Fill()
        {
            while (Length < Bytes.Length)
            {
                var read = _stream.Read(Bytes, Length, Bytes.Length - Length);
                if (read == 0)
                {
                    Complete = true;
                    return;
                }

                Length += read;
            }
        }
    }

    /// <summary>Bytes already read, then the rest of a stream: what a deflated data set is inflated from.</summary>
    private sealed class PrefixedStream(byte[] prefix, int start, int end, Stream rest) : Stream
    {
        private int _next = start;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_next < end)
            {
                var count = Math.Min(buffer.Length, end - _next);
                prefix.AsSpan(_next, count).CopyTo(buffer);
                _next += count;
                return count;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

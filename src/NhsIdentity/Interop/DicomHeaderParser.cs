using System.Buffers.Binary;
using System.Text;

namespace NhsIdentity.Interop;

/// <summary>
/// Reads the patient attributes from the bytes of a DICOM data set (PS3.5 section 7): element by element in tag order,
/// stepping over values it does not need (sequences included, at any nesting) and stopping at the first element past
/// the patient group (0010), so pixel data is never reached.
/// </summary>
/// <remarks>
/// Values are kept as byte ranges and decoded at the end with the Specific Character Set (0008,0005), which precedes
/// them in tag order. Only two sequences are read into: the Issuer of Patient ID Qualifiers Sequence (0010,0024), for
/// the issuer's Universal Entity ID (0040,0032) in its first item, and the Other Patient IDs Sequence (0010,1002), for
/// the Patient ID (0010,0020) of every item. Errors and the need for more bytes stop the parse by exception: each
/// happens at most once per file.
/// </remarks>
internal ref struct DicomHeaderParser
{
    /// <summary>More nesting than this is taken as a malformed file (real files nest a few levels).</summary>
    private const int MaxDepth = 16;

    private const uint UndefinedLength = 0xFFFF_FFFF;
    private const uint ItemTag = 0xFFFE_E000;
    private const uint ItemDelimiterTag = 0xFFFE_E00D;
    private const uint SequenceDelimiterTag = 0xFFFE_E0DD;

    private const uint CharacterSetTag = 0x0008_0005;
    private const uint SopInstanceUidTag = 0x0008_0018;
    private const uint AccessionNumberTag = 0x0008_0050;
    private const uint PatientNameTag = 0x0010_0010;
    private const uint PatientIdTag = 0x0010_0020;
    private const uint IssuerTag = 0x0010_0021;
    private const uint IssuerQualifiersTag = 0x0010_0024;
    private const uint BirthDateTag = 0x0010_0030;
    private const uint SexTag = 0x0010_0040;
    private const uint OtherPatientIdsTag = 0x0010_1000;
    private const uint OtherPatientIdsSequenceTag = 0x0010_1002;
    private const uint AddressTag = 0x0010_1040;
    private const uint TelephoneTag = 0x0010_2154;
    private const uint UniversalEntityIdTag = 0x0040_0032;

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _complete;
    private int _position;
    private bool _explicitVr;
    private bool _bigEndian;

    // The byte ranges of the values kept, by what they are (start, length); -1 when absent.
    private Range _characterSet;
    private Range _sopInstanceUid;
    private Range _accessionNumber;
    private Range _name;
    private Range _patientId;
    private Range _issuer;
    private Range _universalEntityId;
    private Range _birthDate;
    private Range _sex;
    private Range _otherIds;
    private Range _address;
    private Range _telephone;
    private List<Range>? _otherIdItems;

    private DicomHeaderParser(ReadOnlySpan<byte> data, bool complete)
    {
        _data = data;
        _complete = complete;
        _characterSet = _sopInstanceUid = _accessionNumber = _name = _patientId = _issuer = _universalEntityId = _birthDate =
            _sex = _otherIds = _address = _telephone = Range.None;
    }

    /// <summary>The transfer syntaxes this reader knows by their data set encoding.</summary>
    internal const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    internal const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    internal const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";
    internal const string DeflatedExplicitVrLittleEndian = "1.2.840.10008.1.2.1.99";

    /// <summary>Reads the file meta information (group 0002, always explicit VR little endian) of a Part 10 file whose
    /// 132-byte prefix has been checked, or learns that the bytes are a bare data set.</summary>
    /// <param name="data">The file's first bytes.</param>
    /// <param name="complete">Whether <paramref name="data"/> is the whole file.</param>
    /// <param name="dataSetStart">Where the data set begins.</param>
    /// <returns>The transfer syntax UID (the implicit VR default for a bare data set without meta information).</returns>
    /// <exception cref="DicomParseStop">More bytes are needed, or the bytes are not DICOM or are malformed.</exception>
    public static string ReadMeta(ReadOnlySpan<byte> data, bool complete, out int dataSetStart)
    {
        var parser = new DicomHeaderParser(data, complete) { _explicitVr = true };
        if (data.Length >= 132 && data.Slice(128, 4).SequenceEqual("DICM"u8))
        {
            parser._position = 132;
        }
        else if (data.Length < 132 && !complete)
        {
            throw DicomParseStop.NeedMore;
        }
        else
        {
            // No preamble: a bare data set (ACR-NEMA style or a raw network capture) in implicit VR little endian.
            // Accept it only if it starts with a low group a header holds, not with arbitrary bytes.
            var group = data.Length >= 8 ? BinaryPrimitives.ReadUInt16LittleEndian(data) : ushort.MaxValue;
            if (group is not (0x0002 or 0x0008 or 0x0010))
            {
                throw new DicomParseStop(DicomReadError.NotDicom);
            }

            if (group != 0x0002)
            {
                // Two capital letters where an implicit length's low bytes would be say the elements carry their VR.
                dataSetStart = 0;
                return char.IsAsciiLetterUpper((char)data[4]) && char.IsAsciiLetterUpper((char)data[5])
                    ? ExplicitVrLittleEndian
                    : ImplicitVrLittleEndian;
            }
        }

        string? transferSyntax = null;
        while (true)
        {
            if (parser._position + 4 > data.Length)
            {
                if (!complete)
                {
                    throw DicomParseStop.NeedMore;
                }

                break; // a file of meta information only: no data set
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(data[parser._position..]) != 0x0002)
            {
                break;
            }

            var (tag, valueStart, length) = parser.ReadElementHeader();
            if (length == UndefinedLength)
            {
                throw new DicomParseStop(DicomReadError.Malformed);
            }

            parser.Skip(valueStart, length);
            if (tag == 0x0002_0010)
            {
                transferSyntax = Encoding.ASCII.GetString(data.Slice(valueStart, (int)length)).TrimEnd('\0', ' ');
            }
        }

        dataSetStart = parser._position;
        return transferSyntax ?? ImplicitVrLittleEndian;
    }

    /// <summary>Reads the patient attributes from a data set.</summary>
    /// <param name="data">The data set's bytes (after the meta information, inflated when the syntax deflates).</param>
    /// <param name="complete">Whether <paramref name="data"/> runs to the end of the data set.</param>
    /// <param name="explicitVr">Whether elements carry their value representation.</param>
    /// <param name="bigEndian">Whether numbers are big-endian (the retired explicit VR big endian syntax).</param>
    /// <returns>The attributes; absent ones are null.</returns>
    /// <exception cref="DicomParseStop">More bytes are needed, or the data set is malformed or in an unsupported
    /// character set.</exception>
    public static DicomPatientAttributes ReadPatient(ReadOnlySpan<byte> data, bool complete, bool explicitVr, bool bigEndian)
    {
        var parser = new DicomHeaderParser(data, complete) { _explicitVr = explicitVr, _bigEndian = bigEndian };
        parser.ReadTopLevel();
        return parser.Decode();
    }

    private void ReadTopLevel()
    {
        while (_position < _data.Length)
        {
            if (_position + 4 > _data.Length)
            {
                throw _complete ? new DicomParseStop(DicomReadError.Truncated) : DicomParseStop.NeedMore;
            }

            if (ReadUInt16(_position) > 0x0010)
            {
                return; // past the patient group: everything needed has been read
            }

            ReadElement(depth: 0, Keep.TopLevel);
        }

        if (!_complete)
        {
            throw DicomParseStop.NeedMore;
        }
    }

    /// <summary>Which values an element list keeps.</summary>
    private enum Keep
    {
        Nothing,
        TopLevel,
        IssuerQualifiers,
        OtherPatientIds,
    }

    private void ReadElement(int depth, Keep keep)
    {
        var (tag, valueStart, length) = ReadElementHeader();
        if (tag is ItemTag or ItemDelimiterTag or SequenceDelimiterTag)
        {
            throw new DicomParseStop(DicomReadError.Malformed); // a delimiter outside a sequence
        }

        var inner = keep == Keep.TopLevel ? tag switch
        {
            IssuerQualifiersTag => Keep.IssuerQualifiers,
            OtherPatientIdsSequenceTag => Keep.OtherPatientIds,
            _ => Keep.Nothing,
        } : Keep.Nothing;

        // Without VRs a defined-length sequence looks like any value: the two read into are known by their tags; any
        // other defined-length sequence is stepped over whole.
        var isSequence = length == UndefinedLength || (_lastVr is "SQ" && inner != Keep.Nothing) || (!_explicitVr && inner != Keep.Nothing);
        if (!isSequence)
        {
            Skip(valueStart, length);
            Remember(tag, new Range(valueStart, (int)length), keep);
            return;
        }

        // An undefined-length UN value is a sequence encoded in implicit VR little endian (PS3.5 6.2.2).
        var wasExplicit = _explicitVr;
        if (_lastVr is "UN" && length == UndefinedLength)
        {
            _explicitVr = false;
        }

        ReadSequence(valueStart, length, depth + 1, inner);
        _explicitVr = wasExplicit;
    }

    private void ReadSequence(int start, uint length, int depth, Keep keep)
    {
        if (depth > MaxDepth)
        {
            throw new DicomParseStop(DicomReadError.Malformed);
        }

        var end = length == UndefinedLength ? int.MaxValue : EndOf(start, length);
        _position = start;
        var item = 0;
        while (_position < end)
        {
            var (tag, valueStart, itemLength) = ReadItemHeader();
            if (tag == SequenceDelimiterTag)
            {
                _position = valueStart;
                return;
            }

            if (tag != ItemTag)
            {
                throw new DicomParseStop(DicomReadError.Malformed);
            }

            var itemKeep = keep == Keep.IssuerQualifiers && item > 0 ? Keep.Nothing : keep;
            ReadItem(valueStart, itemLength, depth, itemKeep);
            item++;
        }

        if (length != UndefinedLength && _position != end)
        {
            throw new DicomParseStop(DicomReadError.Malformed);
        }
    }

    private void ReadItem(int start, uint length, int depth, Keep keep)
    {
        if (length != UndefinedLength && keep == Keep.Nothing)
        {
            Skip(start, length);
            return;
        }

        var end = length == UndefinedLength ? int.MaxValue : EndOf(start, length);
        _position = start;
        while (_position < end)
        {
            Need(_position, 8);
            if (ReadTag(_position) == ItemDelimiterTag)
            {
                _position += 8;
                return;
            }

            ReadElement(depth, keep);
        }

        if (length != UndefinedLength && _position != end)
        {
            throw new DicomParseStop(DicomReadError.Malformed);
        }
    }

    private void Remember(uint tag, Range value, Keep keep)
    {
        switch (keep)
        {
            case Keep.TopLevel:
                switch (tag)
                {
                    case CharacterSetTag: _characterSet = value; break;
                    case SopInstanceUidTag: _sopInstanceUid = value; break;
                    case AccessionNumberTag: _accessionNumber = value; break;
                    case PatientNameTag: _name = value; break;
                    case PatientIdTag: _patientId = value; break;
                    case IssuerTag: _issuer = value; break;
                    case BirthDateTag: _birthDate = value; break;
                    case SexTag: _sex = value; break;
                    case OtherPatientIdsTag: _otherIds = value; break;
                    case AddressTag: _address = value; break;
                    case TelephoneTag: _telephone = value; break;
                }

                break;
            case Keep.IssuerQualifiers when tag == UniversalEntityIdTag:
                _universalEntityId = value;
                break;
            case Keep.OtherPatientIds when tag == PatientIdTag:
                (_otherIdItems ??= []).Add(value);
                break;
        }
    }

    private string? _lastVr;

    /// <summary>Reads an element's tag, value start and length, and notes its VR (explicit files only).</summary>
    private (uint Tag, int ValueStart, uint Length) ReadElementHeader()
    {
        Need(_position, 8);
        var tag = ReadTag(_position);
        _lastVr = null;
        if (!_explicitVr || (tag >> 16) == 0xFFFE)
        {
            var start = _position + 8;
            return (tag, start, ReadUInt32(_position + 4));
        }

        var vr = _data.Slice(_position + 4, 2);
        if (!char.IsAsciiLetterUpper((char)vr[0]) || !char.IsAsciiLetterUpper((char)vr[1]))
        {
            throw new DicomParseStop(DicomReadError.Malformed);
        }

        _lastVr = VrName(vr);
        if (HasLongLength(vr))
        {
            Need(_position, 12);
            return (tag, _position + 12, ReadUInt32(_position + 8));
        }

        return (tag, _position + 8, ReadUInt16(_position + 6));
    }

    private (uint Tag, int ValueStart, uint Length) ReadItemHeader()
    {
        Need(_position, 8);
        return (ReadTag(_position), _position + 8, ReadUInt32(_position + 4));
    }

    /// <summary>The VRs with a 4-byte length after two reserved bytes (PS3.5 table 7.1-1).</summary>
    private static bool HasLongLength(ReadOnlySpan<byte> vr) => (vr[0], vr[1]) switch
    {
        ((byte)'O', (byte)'B' or (byte)'D' or (byte)'F' or (byte)'L' or (byte)'V' or (byte)'W') => true,
        ((byte)'S', (byte)'Q' or (byte)'V') => true,
        ((byte)'U', (byte)'C' or (byte)'N' or (byte)'R' or (byte)'T' or (byte)'V') => true,
        _ => false,
    };

    private static string? VrName(ReadOnlySpan<byte> vr) => (vr[0], vr[1]) switch
    {
        ((byte)'S', (byte)'Q') => "SQ",
        ((byte)'U', (byte)'N') => "UN",
        _ => null,
    };

    /// <summary>Where a defined-length value ends, once its bytes are known to be there.</summary>
    private readonly int EndOf(int valueStart, uint length)
    {
        var end = valueStart + (long)length;
        if (end > _data.Length)
        {
            // A length past the end of a whole file is a cut file (or a damaged length: the same to a reader); past the
            // bytes read so far, more are needed, up to the cap.
            throw _complete ? new DicomParseStop(DicomReadError.Truncated)
                : end > DicomFile.MaxHeaderBytes ? new DicomParseStop(DicomReadError.HeaderTooLarge)
                : DicomParseStop.NeedMore;
        }

        return (int)end;
    }

    private void Skip(int valueStart, uint length) => _position = EndOf(valueStart, length);

    private readonly void Need(int start, int count)
    {
        if ((long)start + count > _data.Length)
        {
            throw _complete ? new DicomParseStop(DicomReadError.Truncated) : DicomParseStop.NeedMore;
        }
    }

    private readonly uint ReadTag(int at) => ((uint)ReadUInt16(at) << 16) | ReadUInt16(at + 2);

    private readonly ushort ReadUInt16(int at) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_data[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(_data[at..]);

    private readonly uint ReadUInt32(int at) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_data[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(_data[at..]);

    private readonly DicomPatientAttributes Decode()
    {
        var encoding = CharacterSet(Latin1Text(_characterSet));
        string? otherIds = Text(_otherIds, encoding);
        if (_otherIdItems is { } items)
        {
            var joined = new StringBuilder(otherIds);
            foreach (var item in items)
            {
                if (Text(item, encoding) is { } id)
                {
                    joined.Append(joined.Length == 0 ? string.Empty : "\\").Append(id);
                }
            }

            otherIds = joined.Length == 0 ? null : joined.ToString();
        }

        return new DicomPatientAttributes
        {
            PatientName = Text(_name, encoding),
            PatientId = Text(_patientId, encoding),
            IssuerOfPatientId = Text(_issuer, encoding),
            IssuerOfPatientIdUniversalEntityId = Text(_universalEntityId, encoding),
            OtherPatientIds = otherIds,
            PatientBirthDate = Latin1Text(_birthDate),
            PatientSex = Latin1Text(_sex),
            PatientAddress = Text(_address, encoding),
            PatientTelephoneNumbers = Text(_telephone, encoding),
            RecordId = Latin1Text(_accessionNumber) ?? Latin1Text(_sopInstanceUid),
        };
    }

    /// <summary>The encoding the Specific Character Set names; the default repertoire is ASCII, read as Latin-1 so a
    /// stray byte above 127 keeps a letter instead of becoming a replacement character.</summary>
    private static Encoding CharacterSet(string? value)
    {
        if (value is null)
        {
            return Encoding.Latin1;
        }

        // Multi-valued with code extensions: the first value is the default set, later ones switch by escape
        // sequences. Only sets that are all one encoding are read.
        Encoding? chosen = null;
        foreach (var part in value.Split('\\'))
        {
            var name = part.Trim();
            var encoding = name switch
            {
                "" or "ISO_IR 6" or "ISO 2022 IR 6" or "ISO_IR 100" or "ISO 2022 IR 100" => Encoding.Latin1,
                "ISO_IR 192" => Encoding.UTF8,
                _ => throw new DicomParseStop(DicomReadError.UnsupportedCharacterSet),
            };
            if (chosen is not null && chosen != encoding)
            {
                throw new DicomParseStop(DicomReadError.UnsupportedCharacterSet);
            }

            chosen = encoding;
        }

        return chosen ?? Encoding.Latin1;
    }

    private readonly string? Text(Range range, Encoding encoding) =>
        range.Start < 0 ? null : DicomMapping.Clean(encoding.GetString(_data.Slice(range.Start, range.Length)));

    /// <summary>A value of a VR limited to ASCII (CS, DA, SH, UI): read as Latin-1, which keeps any stray byte.</summary>
    private readonly string? Latin1Text(Range range) => Text(range, Encoding.Latin1);

    /// <summary>A value's bytes within the data.</summary>
    private readonly record struct Range(int Start, int Length)
    {
        public static Range None => new(-1, 0);
    }
}

/// <summary>Stops a parse: more bytes are needed (<see cref="Error"/> is <see cref="DicomReadError.None"/>) or the file
/// cannot be read.</summary>
internal sealed class DicomParseStop(DicomReadError error) : Exception
{
    /// <summary>The stop that asks for more bytes.</summary>
    public static DicomParseStop NeedMore => new(DicomReadError.None);

    /// <summary>Why the parse stopped; <see cref="DicomReadError.None"/> when it needs more bytes.</summary>
    public DicomReadError Error { get; } = error;
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NhsIdentity.Tests.Interop;

/// <summary>Writes small synthetic DICOM files for the reader's tests, following PS3.5 section 7 and PS3.10 section 7
/// independently of the reader's code: a data set of elements (values, or sequences of items with defined or
/// undefined lengths), in any of the four encodings the reader knows.</summary>
internal sealed class DicomTestFile
{
    public const string Implicit = "1.2.840.10008.1.2";
    public const string Explicit = "1.2.840.10008.1.2.1";
    public const string BigEndian = "1.2.840.10008.1.2.2";
    public const string Deflated = "1.2.840.10008.1.2.1.99";
    public const string Jpeg = "1.2.840.10008.1.2.4.50";

    private readonly List<Element> _elements = [];

    public Encoding TextEncoding { get; init; } = Encoding.Latin1;

    /// <summary>Whether sequences and their items use undefined lengths with delimiters (the other common form).</summary>
    public bool UndefinedLengths { get; init; }

    public DicomTestFile Text(uint tag, string vr, string? value)
    {
        if (value is not null)
        {
            _elements.Add(new Element(tag, vr, Pad(TextEncoding.GetBytes(value), vr == "UI" ? (byte)0 : (byte)' '), null));
        }

        return this;
    }

    public DicomTestFile Binary(uint tag, string vr, byte[] value)
    {
        _elements.Add(new Element(tag, vr, Pad(value, 0), null));
        return this;
    }

    public DicomTestFile Sequence(uint tag, params DicomTestFile[] items)
    {
        _elements.Add(new Element(tag, "SQ", null, items));
        return this;
    }

    /// <summary>The whole file: preamble, DICM, meta information, then the data set in <paramref name="syntax"/>.</summary>
    public byte[] ToPart10(string syntax)
    {
        var dataSet = DataSet(syntax);
        var meta = new DicomTestFile()
            .Binary(0x0002_0001, "OB", [0, 1])
            .Text(0x0002_0002, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Text(0x0002_0003, "UI", "1.2.826.0.1.3680043.9.9999.1")
            .Text(0x0002_0010, "UI", syntax)
            .Text(0x0002_0012, "UI", "1.2.826.0.1.3680043.9.9999");
        var metaBody = meta.Encode(explicitVr: true, bigEndian: false);
        var groupLength = new DicomTestFile().Binary(0x0002_0000, "UL", BitConverter.GetBytes((uint)metaBody.Length)).Encode(true, false);
        var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        output.Write(groupLength);
        output.Write(metaBody);
        output.Write(dataSet);
        return output.ToArray();
    }

    /// <summary>The data set alone, encoded as <paramref name="syntax"/> says (deflated when it deflates).</summary>
    public byte[] DataSet(string syntax)
    {
        var bytes = Encode(explicitVr: syntax != Implicit, bigEndian: syntax == BigEndian);
        if (syntax != Deflated)
        {
            return bytes;
        }

        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return deflated.ToArray();
    }

    private byte[] Encode(bool explicitVr, bool bigEndian)
    {
        var output = new MemoryStream();
        foreach (var element in _elements.OrderBy(e => e.Tag))
        {
            WriteElement(output, element, explicitVr, bigEndian);
        }

        return output.ToArray();
    }

    private void WriteElement(MemoryStream output, Element element, bool explicitVr, bool bigEndian)
    {
        byte[] value;
        var undefined = false;
        if (element.Items is { } items)
        {
            var body = new MemoryStream();
            foreach (var item in items)
            {
                var itemBytes = item.Encode(explicitVr, bigEndian);
                WriteTag(body, 0xFFFE_E000, bigEndian);
                WriteUInt32(body, UndefinedLengths ? uint.MaxValue : (uint)itemBytes.Length, bigEndian);
                body.Write(itemBytes);
                if (UndefinedLengths)
                {
                    WriteTag(body, 0xFFFE_E00D, bigEndian);
                    WriteUInt32(body, 0, bigEndian);
                }
            }

            if (UndefinedLengths)
            {
                WriteTag(body, 0xFFFE_E0DD, bigEndian);
                WriteUInt32(body, 0, bigEndian);
                undefined = true;
            }

            value = body.ToArray();
        }
        else
        {
            value = element.Value!;
        }

        WriteTag(output, element.Tag, bigEndian);
        var length = undefined ? uint.MaxValue : (uint)value.Length;
        if (!explicitVr)
        {
            WriteUInt32(output, length, bigEndian);
        }
        else
        {
            output.Write(Encoding.ASCII.GetBytes(element.Vr));
            if (element.Vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
            {
                output.Write([0, 0]);
                WriteUInt32(output, length, bigEndian);
            }
            else
            {
                var buffer = new byte[2];
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)length);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)length);
                }

                output.Write(buffer);
            }
        }

        output.Write(value);
    }

    private static void WriteTag(MemoryStream output, uint tag, bool bigEndian)
    {
        var buffer = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)(tag >> 16));
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)tag);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)(tag >> 16));
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(2), (ushort)tag);
        }

        output.Write(buffer);
    }

    private static void WriteUInt32(MemoryStream output, uint value, bool bigEndian)
    {
        var buffer = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        }

        output.Write(buffer);
    }

    /// <summary>Values have even lengths (PS3.5 7.1.1): text is padded with a space, UIDs and binary with a NUL.</summary>
    private static byte[] Pad(byte[] value, byte padding) => value.Length % 2 == 0 ? value : [.. value, padding];

    private sealed record Element(uint Tag, string Vr, byte[]? Value, DicomTestFile[]? Items);
}

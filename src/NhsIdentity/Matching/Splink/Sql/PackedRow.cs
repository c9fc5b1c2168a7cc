using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// A prepared record's values packed into one array, what the typed conditions read for a pair instead of the record's
/// <see cref="SqlValue"/> row (32 bytes a value, each text a further two objects elsewhere on the heap): scoring is
/// bound by memory once the records outgrow the cache, and one array whose parts sit side by side costs a pair a few
/// cache lines a record where the row and its text objects cost dozens.
/// Layout, for a model of W features: longs [0, W) each value's key (<see cref="SqlValueHash"/>); longs [W, 2W) each
/// text's offset (high 32 bits) and length (low 32) in the byte area; from long 2W the byte area: W kind bytes, then
/// the texts' UTF-8 bytes.
/// </summary>
internal static class PackedRow
{
    public static long[] Pack(SqlValue[] row)
    {
        var width = row.Length;
        var textBytes = 0;
        foreach (var value in row)
        {
            textBytes += value.Kind == SqlValueKind.Text ? value.Text.Utf8.Length : 0;
        }

        var packed = new long[(2 * width) + ((width + textBytes + 7) / 8)];
        var bytes = MemoryMarshal.AsBytes(packed.AsSpan(2 * width));
        var offset = width;
        for (var f = 0; f < width; f++)
        {
            packed[f] = SqlValueHash.Of(row[f]);
            bytes[f] = (byte)row[f].Kind;
            if (row[f].Kind == SqlValueKind.Text)
            {
                var utf8 = row[f].Text.Utf8;
                utf8.CopyTo(bytes[offset..]);
                packed[width + f] = ((long)offset << 32) | (uint)utf8.Length;
                offset += utf8.Length;
            }
        }

        return packed;
    }

    public static SqlValueKind Kind(long[] packed, int width, int slot) =>
        (SqlValueKind)MemoryMarshal.AsBytes(packed.AsSpan(2 * width))[slot];

    /// <summary>The UTF-8 bytes of a text value (<see cref="Kind"/> is <see cref="SqlValueKind.Text"/>).</summary>
    public static ReadOnlySpan<byte> Text(long[] packed, int width, int slot)
    {
        var span = packed[width + slot];
        return MemoryMarshal.AsBytes(packed.AsSpan(2 * width)).Slice((int)(span >> 32), (int)(uint)span);
    }
}

using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// A prepared record's values packed into one array, what the typed conditions read for a pair instead of the record's
/// <see cref="SqlValue"/> row (32 bytes a value, each text a further two objects elsewhere on the heap): scoring is
/// bound by memory once the records outgrow the cache (measured: the same pairs cost about three times as much from
/// 20,000 records as repeated from 64), and one array whose parts sit side by side costs a pair a few cache lines a
/// record where the row and its text objects cost dozens.
/// Layout, for a model of W features: first the W kind bytes (K = ⌈W / 8⌉ longs); then per feature two longs side by
/// side, its key (<see cref="SqlValueHash"/>) and, for text, its offset (high 32 bits) and length (low 32) in the
/// text area; then the text area, every text's UTF-8 bytes.
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

        var cells = KindLongs(width);
        var textStart = cells + (2 * width);
        var packed = new long[textStart + ((textBytes + 7) / 8)];
        var kinds = MemoryMarshal.AsBytes(packed.AsSpan(0, cells));
        var text = MemoryMarshal.AsBytes(packed.AsSpan(textStart));
        var offset = 0;
        for (var f = 0; f < width; f++)
        {
            kinds[f] = (byte)row[f].Kind;
            packed[cells + (2 * f)] = SqlValueHash.Of(row[f]);
            if (row[f].Kind == SqlValueKind.Text)
            {
                var utf8 = row[f].Text.Utf8;
                utf8.CopyTo(text[offset..]);
                packed[cells + (2 * f) + 1] = ((long)(textStart * 8 + offset) << 32) | (uint)utf8.Length;
                offset += utf8.Length;
            }
        }

        return packed;
    }

    /// <summary>How many longs the kind bytes of <paramref name="width"/> features take.</summary>
    public static int KindLongs(int width) => (width + 7) / 8;

    public static SqlValueKind Kind(long[] packed, int slot) =>
        (SqlValueKind)MemoryMarshal.AsBytes(packed.AsSpan())[slot];

    /// <summary>A value's key; <paramref name="cells"/> is <see cref="KindLongs"/> of the width.</summary>
    public static long Key(long[] packed, int cells, int slot) => packed[cells + (2 * slot)];

    /// <summary>The UTF-8 bytes of a text value (<see cref="Kind"/> is <see cref="SqlValueKind.Text"/>).</summary>
    public static ReadOnlySpan<byte> Text(long[] packed, int cells, int slot)
    {
        var span = packed[cells + (2 * slot) + 1];
        return MemoryMarshal.AsBytes(packed.AsSpan()).Slice((int)(span >> 32), (int)(uint)span);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NhsIdentity.Tests.Properties;

public sealed class TryFormatBufferProperties
{
    private static Arbitrary<string> AllFormats => Arb.From(Gen.Elements("", "S", "N", "H", "M", "s", "n", "h", "m"));

    [Property(MaxTest = 500)]
    public Property Too_short_char_buffers_fail_and_stay_untouched() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, AllFormats, (n, format) =>
        {
            var length = n.ToString(format).Length;
            Span<char> whole = stackalloc char[16];
            for (var size = 0; size < length; size++)
            {
                var buffer = whole[..(size + 2)];
                buffer.Fill('\uFFFF');
                if (n.TryFormat(buffer[1..^1], out var written, format) || written != 0)
                {
                    return false;
                }

                if (buffer.ContainsAnyExcept('\uFFFF'))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property Too_short_byte_buffers_fail_and_stay_untouched() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, AllFormats, (n, format) =>
        {
            var length = n.ToString(format).Length;
            Span<byte> whole = stackalloc byte[16];
            for (var size = 0; size < length; size++)
            {
                var buffer = whole[..(size + 2)];
                buffer.Fill(0xA5);
                if (n.TryFormat(buffer[1..^1], out var written, format) || written != 0)
                {
                    return false;
                }

                if (buffer.ContainsAnyExcept((byte)0xA5))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property Through_the_interfaces_too() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, AllFormats, Arb.From(Gen.Choose(0, 11)), (n, format, size) =>
        {
            var length = n.ToString(format).Length;
            var chars = new char[size];
            Array.Fill(chars, '#');
            var bytes = new byte[size];
            Array.Fill(bytes, (byte)'#');
            var charOk = ((ISpanFormattable)n).TryFormat(chars, out var charsWritten, format, null);
            var byteOk = ((IUtf8SpanFormattable)n).TryFormat(bytes, out var bytesWritten, format, null);
            return size < length
                ? !charOk && !byteOk && charsWritten == 0 && bytesWritten == 0
                    && Array.TrueForAll(chars, c => c == '#') && Array.TrueForAll(bytes, b => b == '#')
                : charOk && byteOk && charsWritten == length && bytesWritten == length;
        });
}

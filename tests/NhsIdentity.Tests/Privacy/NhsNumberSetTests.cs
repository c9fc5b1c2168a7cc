using System.Text;
using NhsIdentity.Privacy;

namespace NhsIdentity.Tests.Privacy;

public sealed class NhsNumberSetTests
{
    private static NhsNumber N(string text) => NhsNumber.Parse(text);

    [Fact]
    public void Contains_exactly_the_numbers_it_was_built_from()
    {
        var set = NhsNumberSet.Create([N("9990000018"), N("9990000026"), N("9990000018"), NhsNumber.Empty]);
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains(N("9990000018")));
        Assert.True(set.Contains(N("9990000026")));
        Assert.False(set.Contains(N("9990000034")));
        Assert.False(set.Contains(NhsNumber.Empty));
    }

    [Fact]
    public void The_empty_set_holds_nothing()
    {
        Assert.Equal(0, NhsNumberSet.Empty.Count);
        Assert.False(NhsNumberSet.Empty.Contains(N("9990000018")));
        Assert.False(NhsNumberSet.Create(Array.Empty<NhsNumber>()).Contains(NhsNumber.FromValue(0)));
    }

    [Fact]
    public void The_lowest_and_highest_numbers_are_members()
    {
        var set = NhsNumberSet.Create([NhsNumber.FromValue(0), NhsNumber.FromValue(9_999_999_999)]);
        Assert.True(set.Contains(NhsNumber.FromValue(0)));
        Assert.True(set.Contains(NhsNumber.FromValue(9_999_999_999)));
        Assert.False(set.Contains(NhsNumber.FromValue(19)));
    }

    [Fact]
    public void A_dense_run_of_test_numbers_takes_the_binary_search_path()
    {
        // 5 000 consecutive 999-range numbers all fall in one bucket, far above the linear-scan limit. (Test sizes stay
        // below the large-object heap: big arrays trigger gen-2 collections that disturb other tests' pooled buffers.)
        var numbers = new List<NhsNumber>();
        for (var b = 999_000_000; numbers.Count < 5_000; b++)
        {
            if (NhsNumber.TryFromBase(b, out var n))
            {
                numbers.Add(n);
            }
        }

        var set = NhsNumberSet.Create(numbers.Where((_, i) => i % 2 == 0));
        for (var i = 0; i < numbers.Count; i++)
        {
            Assert.Equal(i % 2 == 0, set.Contains(numbers[i]));
        }
    }

    [Fact]
    public void Loading_counts_bad_lines_skips_blank_ones_and_accepts_any_lenient_layout()
    {
        const string list = "\uFEFF9990000018\r\n999 000 0026\n\n   \n  999-000-0034  \nnhs_number\n9990000019\n12345\n9990000042";
        var fromReader = NhsNumberSet.Load(new StringReader(list), out var rejectedByReader);
        var fromStream = NhsNumberSet.Load(new MemoryStream(Encoding.UTF8.GetBytes(list)), out var rejectedByStream);
        foreach (var (set, rejected) in new[] { (fromReader, rejectedByReader), (fromStream, rejectedByStream) })
        {
            Assert.Equal(3, rejected); // header, bad check digit, too short
            Assert.Equal(4, set.Count);
            Assert.True(set.Contains(N("9990000018")));
            Assert.True(set.Contains(N("9990000042")));
        }
    }

    [Fact]
    public void A_stream_with_a_bom_split_across_reads_and_lines_across_chunks_loads_whole()
    {
        var builder = new StringBuilder();
        var expected = new List<NhsNumber>();
        for (var b = 999_100_000; expected.Count < 3_000; b++)
        {
            if (NhsNumber.TryFromBase(b, out var n))
            {
                expected.Add(n);
                builder.Append(n.ToString(expected.Count % 2 == 0 ? "S" : "N")).Append(expected.Count % 3 == 0 ? "\r\n" : "\n");
            }
        }

        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(builder.ToString())).ToArray();
        var set = NhsNumberSet.Load(new TricklingStream(bytes, 7), out var rejected);
        Assert.Equal(0, rejected);
        Assert.Equal(expected.Count, set.Count);
        Assert.All(expected, n => Assert.True(set.Contains(n)));
    }

    [Fact]
    public void A_very_long_line_is_one_rejected_line_and_the_next_line_still_loads()
    {
        // 200 000 bytes of 'x', a line feed, a number, then 70 000 digits with no line end: both long lines are wider
        // than the 32 Ki read buffer. Generated on the fly to stay off the large-object heap.
        var set = NhsNumberSet.Load(new GeneratedStream(200_000, "\n9990000018\n"u8.ToArray(), 70_000), out var rejected);
        Assert.Equal(2, rejected);
        Assert.Equal(1, set.Count);
        Assert.True(set.Contains(N("9990000018")));
    }

    [Fact]
    public void An_empty_list_loads_as_an_empty_set()
    {
        Assert.Equal(0, NhsNumberSet.Load(new MemoryStream(), out var rejected).Count);
        Assert.Equal(0, rejected);
        Assert.Equal(0, NhsNumberSet.Load(new StringReader("\uFEFF"), out _).Count);
    }

    /// <summary>Yields <c>x</c> repeated, then a fixed middle, then <c>9</c> repeated.</summary>
    private sealed class GeneratedStream(int head, byte[] middle, int tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => head + middle.Length + tail;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, Length - _position);
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[i] = _position < head ? (byte)'x'
                    : _position < head + middle.Length ? middle[(int)(_position - head)]
                    : (byte)'9';
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Returns at most a few bytes per read, like a slow pipe.</summary>
    private sealed class TricklingStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}

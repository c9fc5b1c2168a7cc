namespace NhsIdentity.Tests.Ingestion;

/// <summary>Serves <c>allowed</c>, then throws on any read past it: a reader that went on to the end of the input
/// before handing out its first record would fail.</summary>
/// <param name="allowed">The part that may be read.</param>
/// <param name="whole">The whole input (starting with <paramref name="allowed"/>).</param>
internal sealed class TextThatFailsPast(string allowed, string whole) : TextReader
{
    private int position;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        ThrowIfPast();
        var length = Math.Min(buffer.Length, allowed.Length - position);
        whole.AsSpan(position, length).CopyTo(buffer);
        position += length;
        return length;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override int Peek()
    {
        ThrowIfPast();
        return whole[position];
    }

    public override int Read()
    {
        ThrowIfPast();
        return whole[position++];
    }

    private void ThrowIfPast()
    {
        if (position >= allowed.Length)
        {
            throw new IOException("read past the allowed part");
        }
    }
}

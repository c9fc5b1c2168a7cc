namespace NhsIdentity.Cli.Outputs;

/// <summary>
/// The stream under every output's writer: it stops the run at the next write once the run is cancelled (Ctrl+C,
/// SIGTERM), turns a failed write into an <see cref="OutputWriteException"/> naming the output, and can be told to
/// discard what is still buffered, so closing an abandoned output neither writes more nor throws again.
/// </summary>
/// <remarks>
/// Checking cancellation here means every command that writes a file or standard output stops within one buffer of
/// a signal, including those whose work has no cancellation points of its own (<c>pseudonymise</c>,
/// <c>filter-optouts</c>, <c>generate</c>, <c>validate</c>).
/// </remarks>
internal sealed class GuardedOutputStream : Stream
{
    private readonly Stream inner;
    private readonly string output;
    private readonly CancellationToken cancellationToken;
    private bool discarding;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="inner">The file, device or standard output; owned (disposed with this stream).</param>
    /// <param name="output">The option or role named when a write fails (<c>--out</c>).</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public GuardedOutputStream(Stream inner, string output, CancellationToken cancellationToken)
    {
        this.inner = inner;
        this.output = output;
        this.cancellationToken = cancellationToken;
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>From now on, writes and flushes do nothing: the output is being abandoned.</summary>
    public void Discard() => discarding = true;

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (discarding)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            inner.Write(buffer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            discarding = true;
            throw OutputWriteException.From(output, exception);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        if (discarding)
        {
            return;
        }

        try
        {
            inner.Flush();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            discarding = true;
            throw OutputWriteException.From(output, exception);
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (Exception exception) when (discarding && exception is IOException or UnauthorizedAccessException)
            {
                // Closing an abandoned output: the failure that abandoned it has been reported already.
            }
        }

        base.Dispose(disposing);
    }
}

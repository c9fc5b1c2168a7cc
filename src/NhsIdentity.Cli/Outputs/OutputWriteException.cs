namespace NhsIdentity.Cli.Outputs;

/// <summary>
/// An output of the run could not be written, named by its option (<c>--out</c>, <c>--model-out</c>) or role (the left
/// input's rejects file) with the reason in plain words. The message holds no path and no exception text from the
/// system (which names the hidden temporary file), so it is safe to print as it is; the system's exception is kept
/// as the inner exception.
/// </summary>
internal sealed class OutputWriteException : IOException
{
    // errno values with a meaning a user can act on (Linux numbering; the first three are the same on macOS).
    private const int ENOTDIR = 20;
    private const int EISDIR = 21;
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EFBIG = 27;
    private const int EDQUOT = 122;
    private const int EIO = 5;

    /// <summary>Initializes a new instance with a default message.</summary>
    public OutputWriteException()
        : this("an output", "an I/O error", null)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong, without any value from an input.</param>
    public OutputWriteException(string message)
        : base(message)
    {
        Output = "an output";
        Reason = message;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong, without any value from an input.</param>
    /// <param name="innerException">The cause.</param>
    public OutputWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = "an output";
        Reason = message;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="output">The option or role of the output (<c>--out</c>).</param>
    /// <param name="reason">Why, in plain words.</param>
    /// <param name="inner">The system's exception, if any.</param>
    public OutputWriteException(string output, string reason, Exception? inner)
        : base($"{output} could not be written: {reason}; no output file was changed.", inner)
    {
        Output = output;
        Reason = reason;
    }

    /// <summary>Gets the option or role of the output.</summary>
    public string Output { get; }

    /// <summary>Gets why it could not be written.</summary>
    public string Reason { get; }

    /// <summary>The exception for an I/O failure of an output, with the reason read from the system's exception.</summary>
    /// <param name="output">The option or role of the output.</param>
    /// <param name="inner">The I/O exception.</param>
    /// <returns>The exception to throw.</returns>
    public static OutputWriteException From(string output, Exception inner) =>
        inner as OutputWriteException ?? new OutputWriteException(output, ReasonOf(inner), inner);

    /// <summary>The reason for an I/O failure in plain words, from its type and error number, never its message.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The reason.</returns>
    public static string ReasonOf(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied (a read-only folder or file?)",
        DirectoryNotFoundException => "its folder does not exist",
        PathTooLongException => "the path is too long",
        IOException { HResult: ENOSPC } => "no space left on the device",
        IOException { HResult: EDQUOT } => "the disk quota is exhausted",
        IOException { HResult: EFBIG } => "the file is too large for the file system",
        IOException { HResult: EROFS } => "the file system is read-only",
        IOException { HResult: ENOTDIR } => "part of its path is a file, not a folder",
        IOException { HResult: EISDIR } => "it is a folder, not a file",
        IOException { HResult: EIO } => "a device input/output error",
        _ => "an I/O error (" + exception.GetType().Name + ")",
    };
}

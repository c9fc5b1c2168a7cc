namespace NhsIdentity.Fuzzing;

/// <summary>A target threw on a corpus file during <see cref="Replay"/>: names the file, never its content.</summary>
public sealed class ReplayFailedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ReplayFailedException()
        : base("A corpus input crashed its target.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ReplayFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="file">The corpus file.</param>
    /// <param name="innerException">What the target threw.</param>
    public ReplayFailedException(string file, Exception innerException)
        : base($"{file}: {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        File = file;
    }

    /// <summary>The corpus file that crashed the target.</summary>
    public string? File { get; }
}

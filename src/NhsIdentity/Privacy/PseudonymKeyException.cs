namespace NhsIdentity.Privacy;

/// <summary>
/// A key or key file that cannot be used, with the reason as a value (<see cref="Problem"/>). The message says what
/// is wrong and what to do; it never shows the key or any of the file's content.
/// </summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/> because the key (or the file that holds it) is what the caller
/// passed: code that caught <see cref="ArgumentException"/> from <see cref="PseudonymKey"/> still does.
/// <see cref="ArgumentException.ParamName"/> names the parameter (<c>secret</c>, <c>content</c> or <c>path</c>).
/// </remarks>
public sealed class PseudonymKeyException : ArgumentException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public PseudonymKeyException()
        : base("The pseudonymisation key cannot be used.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong (never the key).</param>
    public PseudonymKeyException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong (never the key).</param>
    /// <param name="innerException">The cause.</param>
    public PseudonymKeyException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a reason, a message and the parameter that held the key.</summary>
    /// <param name="problem">Why the key cannot be used.</param>
    /// <param name="message">What is wrong (never the key).</param>
    /// <param name="paramName">The parameter that held the key or the file.</param>
    public PseudonymKeyException(PseudonymKeyProblem problem, string? message, string? paramName)
        : base(message, paramName)
    {
        Problem = problem;
    }

    /// <summary>Gets why the key cannot be used; 0 when the exception was created without a reason.</summary>
    public PseudonymKeyProblem Problem { get; }

    /// <summary>Gets whether the key was refused only for being weak (<see cref="PseudonymKeyProblem.AllOneByteValue"/>
    /// or <see cref="PseudonymKeyProblem.LowEntropy"/>), which <see cref="PseudonymKeyOptions.AllowWeakKey"/> permits.</summary>
    public bool IsWeakKey => Problem is PseudonymKeyProblem.AllOneByteValue or PseudonymKeyProblem.LowEntropy;
}

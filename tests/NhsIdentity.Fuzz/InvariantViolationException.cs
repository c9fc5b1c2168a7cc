namespace NhsIdentity.Fuzzing;

/// <summary>
/// A fuzz target found an API breaking one of its documented promises. The message names the promise only, never
/// the input (the input is in the crash file libFuzzer writes).
/// </summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvariantViolationException()
        : base("A fuzz invariant does not hold.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The promise that was broken.</param>
    public InvariantViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The promise that was broken.</param>
    /// <param name="innerException">The cause.</param>
    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

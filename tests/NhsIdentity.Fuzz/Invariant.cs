namespace NhsIdentity.Fuzzing;

/// <summary>Checks a target's invariants; a broken one throws, so the fuzzer sees a crash.</summary>
internal static class Invariant
{
    /// <summary>Throws <see cref="InvariantViolationException"/> when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">The invariant.</param>
    /// <param name="promise">What the API promises, for the crash report (no input text).</param>
    public static void Holds(bool condition, string promise)
    {
        if (!condition)
        {
            throw new InvariantViolationException(promise);
        }
    }
}

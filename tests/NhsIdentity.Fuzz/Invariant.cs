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

    /// <summary>
    /// Issue 6 §2: an exception message never repeats the input it rejected. Checked only for inputs that look like
    /// identifying data (at least 8 chars once trimmed, 3 or more digits), so short words the message legitimately
    /// contains ("number") are not mistaken for an echo.
    /// </summary>
    /// <param name="exception">The exception the API threw.</param>
    /// <param name="input">The text it was given.</param>
    public static void DoesNotEcho(Exception exception, string input)
    {
        var trimmed = input.AsSpan().Trim();
        if (trimmed.Length < 8 || CountDigits(trimmed) < 3)
        {
            return;
        }

        Holds(!exception.Message.AsSpan().Contains(trimmed, StringComparison.Ordinal), "an exception message never contains the rejected input");
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }
}

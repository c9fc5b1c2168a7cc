namespace NhsIdentity.Fuzzing;

/// <summary>
/// One fuzz target: takes the fuzzer's bytes, exercises an API and checks its invariants. It returns normally for
/// any input the API handles as documented; an unexpected exception or a broken invariant
/// (<see cref="InvariantViolationException"/>) escapes, which libFuzzer records as a crash.
/// </summary>
/// <param name="data">The input bytes.</param>
public delegate void FuzzTarget(ReadOnlySpan<byte> data);

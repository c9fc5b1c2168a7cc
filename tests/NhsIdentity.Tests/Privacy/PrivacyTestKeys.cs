using NhsIdentity.Privacy;

namespace NhsIdentity.Tests.Privacy;

/// <summary>Keys and sentinels shared by the privacy tests. Keys are test constants, never real secrets.</summary>
internal static class PrivacyTestKeys
{
    /// <summary>The 32 bytes 0x00, 0x01, ... 0x1F: the key of the hand-computed layout vectors.</summary>
    public static byte[] Sequential32 => [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    /// <summary>A 999-range number that must never appear in any message.</summary>
    public const string SentinelNhsNumber = "9990000018";

    public static PseudonymKey Create(string label = "nhsid-test") => new(Sequential32, label);

    public static NhsNumberPseudonymiser Pseudonymiser(string label = "nhsid-test") => new(Create(label));
}

using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Matching;

/// <summary>Throw sites of <see cref="PatientIndex"/>, kept out of its methods. Messages never name a record's values.</summary>
internal static class PatientIndexThrowHelper
{
    [DoesNotReturn]
    public static void ThrowMissingId(string paramName) =>
        throw new ArgumentException("An indexed record needs an Id: it is the key that updates and removals use.", paramName);

    [DoesNotReturn]
    public static void ThrowNegativeMaxResults(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "maxResults must not be negative.");
}

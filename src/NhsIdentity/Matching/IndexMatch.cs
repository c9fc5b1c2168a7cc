namespace NhsIdentity.Matching;

/// <summary>One record a <see cref="PatientIndex"/> lookup found: its id and how well it matched the query.</summary>
/// <param name="Id">The indexed record's <see cref="PatientRecord.Id"/> (a supplier row key, not patient data).</param>
/// <param name="Score">The pair's match weight, probability and decision under the index's model.</param>
/// <remarks>Lookups return matches best first: by descending <see cref="MatchScore.Weight"/>, then by
/// <see cref="Id"/> in ordinal order, so equal scores come back in the same order every time.</remarks>
public readonly record struct IndexMatch(string Id, MatchScore Score);

namespace NhsIdentity.Server.Endpoints;

/// <summary>The plain JSON answer of <c>POST /match</c>: candidates best first.</summary>
internal sealed record MatchResponse(IReadOnlyList<MatchCandidate> Matches);

/// <summary>One candidate: its id, weight, probability and decision; <see cref="Explanation"/> with <c>?explain=true</c>.</summary>
internal sealed record MatchCandidate(string Id, double Weight, double Probability, string Decision, MatchExplanationBody? Explanation);

/// <summary>The waterfall: the prior weight and each comparison's level and weight (bits).</summary>
internal sealed record MatchExplanationBody(double PriorWeight, double Weight, IReadOnlyList<ComparisonBody> Comparisons);

/// <summary>One comparison's level, weight and term-frequency adjustment.</summary>
internal sealed record ComparisonBody(string Comparison, string Level, double Weight, double TermFrequencyAdjustment);

/// <summary>The answer of <c>PUT /records/{id}</c>.</summary>
internal sealed record WriteResponse(string Id, bool Created);

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// One of the model's <c>blocking_rules_to_generate_predictions</c>. Rules of the form
/// <c>l.a = r.a AND l.b = r.b ...</c> (what <c>block_on(...)</c> writes) are usable: <see cref="Columns"/> are the
/// columns both records must share, non-null. Any other rule is kept with <see cref="IsSupported"/> false and a
/// <see cref="Reason"/>; <see cref="SplinkModel.CandidatePairs"/> skips it, so its pairs are not generated.
/// </summary>
public sealed class SplinkBlockingRule
{
    internal SplinkBlockingRule(string rule, IReadOnlyList<string> columns, string? reason)
    {
        Rule = rule;
        Columns = columns;
        Reason = reason;
    }

    /// <summary>Gets the rule's SQL as written in the model.</summary>
    public string Rule { get; }

    /// <summary>Gets whether the rule is an equi-join on columns, which this library can block on.</summary>
    public bool IsSupported => Reason is null;

    /// <summary>Gets the columns (lower case) whose values must be equal; empty when the rule is not supported.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets why the rule cannot be used, or null when it can.</summary>
    public string? Reason { get; }

    /// <summary>The prepared-feature slot of each of <see cref="Columns"/>.</summary>
    internal int[] Slots { get; init; } = [];
}

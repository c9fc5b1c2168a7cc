namespace NhsIdentity.Fhir;

/// <summary>How <see cref="FhirMatchBundle"/> grades candidates and names entries. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>.</remarks>
public sealed record FhirMatchBundleOptions
{
    /// <summary>The default <see cref="ProbableProbability"/>: 0.9.</summary>
    public const double DefaultProbableProbability = 0.9;

    /// <summary>The options used when none are given.</summary>
    public static FhirMatchBundleOptions Default { get; } = new();

    /// <summary>
    /// Gets the match probability at or above which a candidate the model sends for review is graded
    /// <see cref="MatchGrade.Probable"/> rather than <see cref="MatchGrade.Possible"/>. Default
    /// <see cref="DefaultProbableProbability"/> (0.9: odds of 9 to 1, a match weight of about +3.2 bits), which splits
    /// the default review band (0.5 to 0.99) where the evidence stops being a near coin toss. FHIR gives no number
    /// for the grades; choose a value from your own review outcomes.
    /// </summary>
    public double ProbableProbability { get; init; } = DefaultProbableProbability;

    /// <summary>
    /// Gets the base URL of the FHIR server that holds the patients (for example
    /// <c>https://ehr.example.nhs.uk/fhir/</c>). When set, each entry's <c>fullUrl</c> is
    /// <c>{base}Patient/{id}</c> for a patient with an id. Default <see langword="null"/>: no <c>fullUrl</c>.
    /// </summary>
    public Uri? ServiceBase { get; init; }
}

namespace NhsIdentity.Matching.Training;

/// <summary>Why training changed a level's estimated weight (<see cref="TrainingAdjustment"/>).</summary>
public enum TrainingAdjustmentReason
{
    /// <summary>The level was out of its declared order (the first level below another, or a band of one measure
    /// heavier than a closer band) and was pooled with its neighbours.</summary>
    Ordering = 0,

    /// <summary>The level says the values agree but weighed against the match (m below u); its weight was raised to
    /// 0.</summary>
    AgreementNeverAgainst = 1,
}

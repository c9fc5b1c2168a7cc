namespace NhsIdentity.Matching.Linkage;

/// <summary>What a <see cref="LinkageRunner"/> is doing, for <see cref="LinkageProgress"/>.</summary>
public enum LinkageStage
{
    /// <summary>Training the model on the input (only when no model was given).</summary>
    Training = 0,

    /// <summary>Blocking and scoring the candidate pairs.</summary>
    Scoring = 1,

    /// <summary>Handing the outcome to the sinks.</summary>
    Sinks = 2,
}

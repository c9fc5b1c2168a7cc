namespace NhsIdentity.Server.Storage;

/// <summary>What one batch write did: patients added (ids new to the store) and replaced (ids it already held).</summary>
/// <param name="Added">Patients whose id was new.</param>
/// <param name="Replaced">Patients whose id the store already held.</param>
public readonly record struct BatchWriteCounts(int Added, int Replaced)
{
    /// <summary>Gets every patient written.</summary>
    public int Written => Added + Replaced;

    /// <summary>Fails when two patients in a batch share an id: a batch is one set of rows, and which of two rows with
    /// one id would win is not a thing a store should decide silently (PostgreSQL refuses it in one statement).</summary>
    internal static void ThrowIfIdsRepeat(IReadOnlyList<StoredPatient> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var ids = new HashSet<string>(patients.Count, StringComparer.Ordinal);
        for (var i = 0; i < patients.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(patients[i]);
            if (!ids.Add(patients[i].Id))
            {
                // The position, not the id: an id can be a hospital number.
                throw new ArgumentException($"The batch has a repeated id (at position {i}).", nameof(patients));
            }
        }
    }
}

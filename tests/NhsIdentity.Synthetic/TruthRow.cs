namespace NhsIdentity.Synthetic;

/// <summary>One line of a truth file: which person an extract row is. Two rows with the same <see cref="PersonId"/> are a true link.</summary>
/// <param name="Source">The extract (<c>pas</c>, <c>gp</c>).</param>
/// <param name="Id">The row id within that extract.</param>
/// <param name="PersonId">The true person.</param>
public readonly record struct TruthRow(string Source, string Id, int PersonId);

using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>Census-style PAS and GP extracts of one 2,000-person population (`ErrorProfile.CensusNoisy`, seeds 42, 43
/// and 44, as `synthetic.sh` uses them): no NHS numbers, households with twins and namesakes. Made and trained once
/// (default options) for every test class that reads them; nothing here is changed by a test.</summary>
internal static class CensusStyleExtracts
{
    private static readonly Lazy<(List<SupplierRow> Pas, List<SupplierRow> Gp, RecordSet Left, RecordSet Right)> Made = new(() =>
    {
        var population = SyntheticPopulation.Generate(2_000, 42, ErrorProfile.CensusNoisy.Households);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, ErrorProfile.CensusNoisy, 43).ToList();
        var gp = SupplierExtract.Generate(population, SupplierDialect.Gp, ErrorProfile.CensusNoisy, 44).ToList();
        return (pas, gp, new RecordSet(pas.Select(r => r.ToPatientRecord())), new RecordSet(gp.Select(r => r.ToPatientRecord())));
    });

    private static readonly Lazy<TrainingResult> TrainedOnce = new(() => ModelTrainer.TrainLinkage(Made.Value.Left, Made.Value.Right));

    public static List<SupplierRow> Pas => Made.Value.Pas;

    public static List<SupplierRow> Gp => Made.Value.Gp;

    public static RecordSet Left => Made.Value.Left;

    public static RecordSet Right => Made.Value.Right;

    /// <summary>`ModelTrainer.TrainLinkage(Left, Right)` with default options.</summary>
    public static TrainingResult Trained => TrainedOnce.Value;
}

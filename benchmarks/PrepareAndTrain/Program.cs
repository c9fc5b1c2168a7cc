// Preparing a RecordSet and training a model on one thread and on all cores, turn about in one process, on a CSV
// extract (for example the synthetic generator's pas.csv). Both ways must give the same model; the tool says so.
//   dotnet run -c Release --project benchmarks/PrepareAndTrain -- EXTRACT.csv [ROUNDS]
using System.Diagnostics;
using System.Globalization;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

var records = new List<PatientRecord>();
using (var reader = PatientCsvReader.OpenFile(args[0]))
{
    await foreach (var record in reader.ReadRecordsAsync())
    {
        records.Add(record);
    }
}

var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
Console.WriteLine($"{records.Count} records, {Environment.ProcessorCount} logical processors");
for (var round = 0; round < rounds; round++)
{
    var clock = Stopwatch.StartNew();

    // A sequence that is not a list is prepared on the calling thread.
    var serial = new RecordSet(records.Select(record => record), RecordSetOptions.Default);
    var prepareOne = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var parallel = new RecordSet(records, RecordSetOptions.Default);
    var prepareAll = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var one = ModelTrainer.Train(parallel, TrainingOptions.Default with { MaxDegreeOfParallelism = 1 });
    var trainOne = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var all = ModelTrainer.Train(parallel, TrainingOptions.Default);
    var trainAll = clock.Elapsed.TotalSeconds;
    var same = one.Model.ToJson() == all.Model.ToJson() && serial.Count == parallel.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: prepare one thread {prepareOne:F2} s, all {prepareAll:F2} s; train one thread {trainOne:F2} s, all {trainAll:F2} s; same model: {same}"));
}

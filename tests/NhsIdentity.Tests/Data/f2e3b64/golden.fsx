#r "/work/old/src/NhsIdentity/bin/Release/net10.0/NhsIdentity.dll"
#r "/root/.nuget/packages/system.io.hashing/10.0.14/lib/net10.0/System.IO.Hashing.dll"
#r "/root/.nuget/packages/fuzzysharp/2.0.2/lib/netcoreapp2.1/FuzzySharp.dll"
open System
open System.IO
open System.Text.Json
open NhsIdentity.Matching
open NhsIdentity.Matching.Training

// A plain RFC 4180 reader: enough for the bundled synthetic extracts.
let parse (text: string) =
    let rows = ResizeArray<string[]>()
    let field = Text.StringBuilder()
    let row = ResizeArray<string>()
    let mutable i = 0
    let mutable quoted = false
    while i < text.Length do
        let c = text.[i]
        if quoted then
            if c = '"' && i + 1 < text.Length && text.[i+1] = '"' then field.Append('"') |> ignore; i <- i + 1
            elif c = '"' then quoted <- false
            else field.Append(c) |> ignore
        elif c = '"' then quoted <- true
        elif c = ',' then row.Add(field.ToString()); field.Clear() |> ignore
        elif c = '\n' then row.Add(field.ToString()); field.Clear() |> ignore; rows.Add(row.ToArray()); row.Clear()
        elif c <> '\r' then field.Append(c) |> ignore
        i <- i + 1
    if field.Length > 0 || row.Count > 0 then row.Add(field.ToString()); rows.Add(row.ToArray())
    rows
let blank (s: string) = if String.IsNullOrWhiteSpace s then null else s
let pas = parse (File.ReadAllText "../../../../samples/data/pas.csv") |> Seq.skip 1 |> Seq.map (fun r ->
            let address = [r.[6]; r.[7]; r.[8]] |> List.filter (fun s -> s <> "") |> String.concat ", "
            PatientRecord(Id = r.[0], NhsNumber = blank r.[1], GivenNames = blank r.[2], FamilyName = blank r.[3], DateOfBirth = blank r.[4], Sex = blank r.[5], Address = blank address, Postcode = blank r.[9], LocalIdentifier = blank r.[0]))
let gp = parse (File.ReadAllText "../../../../samples/data/gp.csv") |> Seq.skip 1 |> Seq.map (fun r ->
            PatientRecord(Id = r.[0], NhsNumber = blank r.[1], GivenNames = blank r.[2], FamilyName = blank r.[3], DateOfBirth = blank r.[4], Sex = blank r.[5], Address = blank r.[6], Postcode = blank r.[7], LocalIdentifier = blank r.[8]))
// Phone and email are not in the extracts; derive them from the NHS number and names so true pairs often agree and
// the comparisons that read them are covered too (invented values: 07700 900xxx is Ofcom's drama range).
let withContacts (r: PatientRecord) =
    let digits = if isNull r.NhsNumber then "" else r.NhsNumber.Replace(" ", "")
    let phone = if digits.Length = 10 && digits.[9] <> '7' then "07700 900" + digits.Substring(7, 3) else null
    let email = if not (isNull r.GivenNames) && not (isNull r.FamilyName) && r.Id.EndsWith("1") |> not then (r.GivenNames.Split(' ').[0] + "." + r.FamilyName + "@example.org").ToLowerInvariant() else null
    PatientRecord(Id = r.Id, NhsNumber = r.NhsNumber, GivenNames = r.GivenNames, FamilyName = r.FamilyName, DateOfBirth = r.DateOfBirth, Sex = r.Sex, Address = r.Address, Postcode = r.Postcode, LocalIdentifier = r.LocalIdentifier, Phone = phone, Email = email)
let records = Seq.append pas gp |> Seq.map withContacts |> Seq.toArray
let recordsOut = new StreamWriter("./golden-records.jsonl")
for r in records do
    let d = Collections.Generic.Dictionary<string, string>()
    let add k v = if not (isNull v) then d.Add(k, v)
    add "id" r.Id; add "nhsNumber" r.NhsNumber; add "givenNames" r.GivenNames; add "familyName" r.FamilyName; add "dateOfBirth" r.DateOfBirth
    add "sex" r.Sex; add "postcode" r.Postcode; add "address" r.Address; add "localIdentifier" r.LocalIdentifier; add "phone" r.Phone; add "email" r.Email
    recordsOut.WriteLine(JsonSerializer.Serialize(d))
recordsOut.Close()
let set = RecordSet(records)
let trained = ModelTrainer.Train(set, TrainingOptions(Seed = 20261206), null, Threading.CancellationToken.None)
File.WriteAllText("./golden-trained-model-v1.json", trained.Model.ToJson())
let linker = Linker(trained.Model, LinkOptions(MinimumDecision = MatchDecision.NonMatch))
let result = linker.Deduplicate(set, null, Threading.CancellationToken.None)
let scores = new StreamWriter("./golden-scores.csv")
scores.WriteLine("left,right,weight_bits,decision,levels")
let outcomes : ComparisonOutcome[] = Array.zeroCreate 9
for p in result.Pairs do
    let n = trained.Model.Explain(set, p.LeftIndex, set, p.RightIndex, Span<ComparisonOutcome>(outcomes))
    let levels = outcomes |> Array.take n |> Array.map (fun o -> o.LevelName) |> String.concat " "
    scores.WriteLine(sprintf "%d,%d,%016X,%O,%s" p.LeftIndex p.RightIndex (BitConverter.DoubleToInt64Bits p.Weight) p.Decision levels)
printfn "%d records, %d pairs" records.Length result.Pairs.Count
scores.Close()

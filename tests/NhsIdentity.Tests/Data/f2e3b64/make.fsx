#r "/work/old/src/NhsIdentity/bin/Release/net10.0/NhsIdentity.dll"
#r "/root/.nuget/packages/system.io.hashing/10.0.14/lib/net10.0/System.IO.Hashing.dll"
open NhsIdentity.Matching
let m = MatchModel.Default.WithComparison(MatchModel.Default.GetComparison(ComparisonKind.Sex).WithLevel(1, ComparisonLevelModel(0.03, 0.5))).WithPrior(2e-5)
System.IO.File.WriteAllText("./model-v1.json", m.ToJson())

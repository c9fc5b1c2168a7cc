using System.Text;
using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>model-json</c>: <see cref="MatchModel.FromJson(string)"/> and <see cref="MatchModel.Load(Stream)"/> throw only
/// the documented <see cref="FormatException"/>; a model they accept saves and reloads to the same JSON and scores a
/// pair to a finite weight and a probability in [0, 1].
/// </summary>
internal static class ModelJsonTarget
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        var text = FuzzText.DecodeUtf8(data);
        var fromText = TryRead(() => MatchModel.FromJson(text));
        var bytes = data.ToArray();
        var fromStream = TryRead(() => MatchModel.Load(new MemoryStream(bytes, writable: false)));
        if (FuzzText.IsWellFormedUtf8(data) && !StartsWithByteOrderMark(data))
        {
            Invariant.Holds((fromText is null) == (fromStream is null), "FromJson and Load accept the same well-formed UTF-8 text");
        }

        foreach (var model in (ReadOnlySpan<MatchModel?>)[fromText, fromStream])
        {
            if (model is not null)
            {
                Check(model);
            }
        }
    }

    private static MatchModel? TryRead(Func<MatchModel> read)
    {
        try
        {
            return read();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Check(MatchModel model)
    {
        var json = model.ToJson();
        var reloaded = MatchModel.FromJson(json);
        Invariant.Holds(reloaded.ToJson() == json, "a model saved and reloaded saves to the same JSON");
        Invariant.Holds(double.IsFinite(model.PriorWeight), "the prior weight is finite");

        var set = SampleRecords.Set;
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = 0; j < set.Count; j++)
            {
                ScoreChecks.Check(model.Score(set, i, set, j));
            }
        }
    }

    private static bool StartsWithByteOrderMark(ReadOnlySpan<byte> data) => data.StartsWith(Encoding.UTF8.Preamble);
}

namespace NhsIdentity.Synthetic;

/// <summary>Given names reduced to initials, as census transcriptions and some letters write them (<c>J. P.</c>, <c>J P</c>, <c>J</c>).</summary>
internal static class Initials
{
    /// <summary>The first letter of each space-separated name, each followed by a full stop or not, joined by spaces.</summary>
    public static string Of(string givenNames, bool fullStop)
    {
        var names = givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            initials[i] = fullStop ? names[i][0] + "." : names[i][..1];
        }

        return string.Join(' ', initials);
    }
}

namespace NhsIdentity.Interop;

/// <summary>
/// The five delimiters of one HL7 v2 message: field, component, repetition, escape and subcomponent (HL7 v2.5.1
/// chapter 2, 2.5.4 "Message delimiters"). A delimiter the message does not define is <c>'\0'</c>, which never
/// splits anything.
/// </summary>
internal readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    /// <summary>The recommended delimiters <c>|^~\&amp;</c>, used when a message has only a <c>PID</c> segment.</summary>
    public static Hl7Delimiters Default => new('|', '^', '~', '\\', '&');

    /// <summary>
    /// Reads the delimiters from an <c>MSH</c> segment: MSH-1 is the character after <c>MSH</c>; MSH-2 holds, in order,
    /// the component, repetition, escape and subcomponent characters (v2.7 adds a fifth, truncation, ignored here)
    /// and ends at the next field separator. Fewer than four encoding characters leave the rest undefined.
    /// </summary>
    /// <param name="segment">The whole <c>MSH</c> segment, starting with <c>MSH</c>.</param>
    /// <param name="delimiters">The delimiters on success.</param>
    /// <returns><see langword="false"/> when a delimiter is missing, unusable (letter, digit, white space) or repeated.</returns>
    public static bool TryRead(ReadOnlySpan<char> segment, out Hl7Delimiters delimiters)
    {
        delimiters = default;
        if (segment.Length < 5 || !IsUsable(segment[3]))
        {
            return false;
        }

        var field = segment[3];
        var encoding = segment[4..];
        var end = encoding.IndexOf(field);
        if (end >= 0)
        {
            encoding = encoding[..end];
        }

        if (encoding.IsEmpty || encoding.Length > 5)
        {
            return false;
        }

        Span<char> chosen = ['\0', '\0', '\0', '\0'];
        for (var i = 0; i < encoding.Length && i < chosen.Length; i++)
        {
            var c = encoding[i];
            if (!IsUsable(c) || c == field || chosen[..i].Contains(c))
            {
                return false;
            }

            chosen[i] = c;
        }

        delimiters = new Hl7Delimiters(field, chosen[0], chosen[1], chosen[2], chosen[3]);
        return true;
    }

    /// <summary>The default delimiters with the field separator a lone <c>PID</c> segment shows after its name.</summary>
    /// <param name="segment">A segment starting with <c>PID</c>.</param>
    /// <returns>The delimiters to read it with.</returns>
    public static Hl7Delimiters ForLoneSegment(ReadOnlySpan<char> segment) =>
        segment.Length > 3 && IsUsable(segment[3]) && Default.Component != segment[3] && Default.Repetition != segment[3]
            && Default.Escape != segment[3] && Default.Subcomponent != segment[3]
            ? Default with { Field = segment[3] }
            : Default;

    /// <summary>A delimiter must be printable punctuation: not a letter, digit, white space or control character.</summary>
    private static bool IsUsable(char c) => c > ' ' && c != '\u007F' && !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c);
}

namespace NhsIdentity.Interop;

/// <summary>
/// Splits HL7 v2 text on one delimiter without allocating: fields of a segment, repetitions of a field, components
/// of a repetition, subcomponents of a component. Escaped delimiters (<c>\F\</c>, <c>\S\</c>, ...) are not the
/// delimiter character, so splitting before decoding is exact.
/// </summary>
internal ref struct Hl7Pieces
{
    private readonly char _delimiter;
    private ReadOnlySpan<char> _rest;
    private bool _done;

    /// <summary>Initializes an enumerator over the pieces of <paramref name="text"/>.</summary>
    /// <param name="text">The text to split.</param>
    /// <param name="delimiter">The delimiter; <c>'\0'</c> yields the whole text as one piece.</param>
    public Hl7Pieces(ReadOnlySpan<char> text, char delimiter)
    {
        _rest = text;
        _delimiter = delimiter;
        _done = false;
        Current = default;
    }

    /// <summary>Gets the current piece.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This instance.</returns>
    public readonly Hl7Pieces GetEnumerator() => this;

    /// <summary>Moves to the next piece.</summary>
    /// <returns><see langword="false"/> after the last piece.</returns>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var at = _delimiter == '\0' ? -1 : _rest.IndexOf(_delimiter);
        if (at < 0)
        {
            Current = _rest;
            _rest = default;
            _done = true;
        }
        else
        {
            Current = _rest[..at];
            _rest = _rest[(at + 1)..];
        }

        return true;
    }

    /// <summary>Returns piece <paramref name="index"/> (0-based) of <paramref name="text"/>, or empty when there are fewer pieces.</summary>
    /// <param name="text">The text.</param>
    /// <param name="delimiter">The delimiter; <c>'\0'</c> means the text is one piece.</param>
    /// <param name="index">The 0-based piece number.</param>
    /// <returns>The piece, without its delimiters.</returns>
    public static ReadOnlySpan<char> At(ReadOnlySpan<char> text, char delimiter, int index)
    {
        var pieces = new Hl7Pieces(text, delimiter);
        for (var i = 0; pieces.MoveNext(); i++)
        {
            if (i == index)
            {
                return pieces.Current;
            }
        }

        return default;
    }
}

namespace NhsIdentity.Demographics;

/// <summary>
/// Enumerates the tokens of a normalised name without allocating: words split on spaces, commas and hyphens, and,
/// when a compound buffer was given, the compound form of each hyphenated name after its parts. Returned by
/// <see cref="PersonName.EnumerateTokens(ReadOnlySpan{char}, Span{char})"/>; use it with <c>foreach</c>.
/// </summary>
public ref struct PersonNameTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _compoundBuffer;
    private int _position;
    private int _wordStart;
    private int _wordEnd;
    private int _partsInWord;
    private bool _compoundPending;

    internal PersonNameTokenEnumerator(ReadOnlySpan<char> text, Span<char> compoundBuffer)
    {
        _text = text;
        _compoundBuffer = compoundBuffer;
        _position = 0;
        _wordStart = 0;
        _wordEnd = 0;
        _partsInWord = 0;
        _compoundPending = false;
        Current = default;
        IsCompound = false;
    }

    /// <summary>The current token.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>
    /// <see langword="true"/> when <see cref="Current"/> is the compound form of a hyphenated name (its parts joined
    /// without the hyphen), held in the compound buffer.
    /// </summary>
    public bool IsCompound { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This enumerator.</returns>
    public readonly PersonNameTokenEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next token.</summary>
    /// <returns><see langword="false"/> when there are no more tokens.</returns>
    public bool MoveNext()
    {
        if (_compoundPending)
        {
            _compoundPending = false;
            if (TryWriteCompound(out var length))
            {
                Current = _compoundBuffer[..length];
                IsCompound = true;
                return true;
            }
        }

        IsCompound = false;
        var text = _text;
        var i = _position;
        while (true)
        {
            if (i >= _wordEnd)
            {
                // Start the next word: skip spaces and commas, then find where it ends and count its parts.
                while (i < text.Length && IsWordSeparator(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    _position = i;
                    Current = default;
                    return false;
                }

                _wordStart = i;
                var end = i;
                var parts = 0;
                var inPart = false;
                while (end < text.Length && !IsWordSeparator(text[end]))
                {
                    var isHyphen = text[end] == '-';
                    if (!isHyphen && !inPart)
                    {
                        parts++;
                    }

                    inPart = !isHyphen;
                    end++;
                }

                _wordEnd = end;
                _partsInWord = parts;
            }

            // The next part of the current word (a word of hyphens only has none: go on to the next word).
            while (i < _wordEnd && text[i] == '-')
            {
                i++;
            }

            if (i < _wordEnd)
            {
                break;
            }
        }

        var partStart = i;
        while (i < _wordEnd && text[i] != '-')
        {
            i++;
        }

        Current = text[partStart..i];
        _position = i;
        if (text[i.._wordEnd].TrimStart('-').IsEmpty)
        {
            _position = _wordEnd;
            _compoundPending = _partsInWord > 1 && !_compoundBuffer.IsEmpty;
        }

        return true;
    }

    private static bool IsWordSeparator(char c) => c is ' ' or ',';

    private readonly bool TryWriteCompound(out int length)
    {
        length = 0;
        var word = _text[_wordStart.._wordEnd];
        foreach (var c in word)
        {
            if (c != '-')
            {
                if (length == _compoundBuffer.Length)
                {
                    return false;
                }

                _compoundBuffer[length++] = c;
            }
        }

        return true;
    }
}

using NhsIdentity.Demographics;

namespace NhsIdentity.Interop;

/// <summary>The mapping rules behind <see cref="DicomPatientAttributes.ToPatientRecord"/>.</summary>
internal static class DicomMapping
{
    /// <summary>The value delimiter of multi-valued DICOM strings (PS3.5 6.4).</summary>
    private const char ValueDelimiter = '\\';

    /// <summary>Trimmed text, or <see langword="null"/> when blank (DICOM pads values with spaces, some toolkits with NULs).</summary>
    public static string? Clean(ReadOnlySpan<char> value)
    {
        value = value.Trim().Trim('\0').Trim();
        return value.IsEmpty ? null : value.ToString();
    }

    /// <summary>The first value of a multi-valued attribute, trimmed.</summary>
    public static string? FirstValue(ReadOnlySpan<char> value) => Clean(Hl7Pieces.At(value, ValueDelimiter, 0));

    public static void ReadIdentifiers(DicomPatientAttributes attributes, out string? nhsNumber, out string? localIdentifier)
    {
        nhsNumber = null;
        localIdentifier = null;
        var patientId = Clean(attributes.PatientId);
        if (patientId is not null)
        {
            var issuer = attributes.IssuerOfPatientId.AsSpan().Trim();
            var universal = attributes.IssuerOfPatientIdUniversalEntityId.AsSpan().Trim();
            var issuerSaysNhs = NhsNumberIssuers.IsNhs(issuer) || NhsNumberIssuers.IsNhs(universal);
            var issuerSilent = issuer.IsEmpty && universal.IsEmpty;
            if (issuerSaysNhs || (issuerSilent && NhsNumber.IsValid(patientId)))
            {
                nhsNumber = patientId;
            }
            else
            {
                localIdentifier = patientId;
            }
        }

        if (nhsNumber is not null)
        {
            return;
        }

        foreach (var other in new Hl7Pieces(attributes.OtherPatientIds, ValueDelimiter))
        {
            if (NhsNumber.IsValid(other))
            {
                nhsNumber = Clean(other);
                return;
            }
        }
    }

    /// <summary>PN: the first component group with text; family = component 1, given names = components 2 and 3.</summary>
    public static void ReadName(ReadOnlySpan<char> value, out string? givenNames, out string? familyName)
    {
        givenNames = null;
        familyName = null;
        var name = Hl7Pieces.At(value, ValueDelimiter, 0);
        foreach (var group in new Hl7Pieces(name, '='))
        {
            familyName = Clean(Hl7Pieces.At(group, '^', 0));
            givenNames = InteropText.JoinNonEmpty(" ", Clean(Hl7Pieces.At(group, '^', 1)), Clean(Hl7Pieces.At(group, '^', 2)));
            if (familyName is not null || givenNames is not null)
            {
                return;
            }
        }
    }

    /// <summary>Splits a trailing full postcode (last one or two words) off a free-text address.</summary>
    public static void SplitAddress(ReadOnlySpan<char> value, out string? address, out string? postcode)
    {
        var text = value.Trim().Trim('\0').Trim();
        postcode = null;
        address = text.IsEmpty ? null : text.ToString();
        if (text.IsEmpty)
        {
            return;
        }

        // Try the last two words ("LS1 4AB"), then the last word ("LS14AB"); a start of -1 means the whole text.
        var last = LastSeparator(text);
        if (last >= 0 && TryTakePostcode(text, LastSeparator(text[..last]), ref address, ref postcode))
        {
            return;
        }

        TryTakePostcode(text, last, ref address, ref postcode);
    }

    private static bool TryTakePostcode(ReadOnlySpan<char> text, int separator, ref string? address, ref string? postcode)
    {
        var candidate = text[(separator + 1)..];
        if (!Postcode.TryParse(candidate, out var parsed) || parsed.Kind == PostcodeKind.None)
        {
            return false;
        }

        postcode = candidate.ToString();
        address = separator < 0 ? null : Clean(text[..separator].TrimEnd(", \t"));
        return true;
    }

    private static int LastSeparator(ReadOnlySpan<char> text) => text.LastIndexOfAny(' ', ',', '\t');
}

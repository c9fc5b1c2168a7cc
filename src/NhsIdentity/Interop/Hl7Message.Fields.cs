namespace NhsIdentity.Interop;

public static partial class Hl7Message
{
    // Component numbers are 0-based here: CX.5 is component 4.
    private const int CxIdNumber = 0;
    private const int CxAssigningAuthority = 3;
    private const int CxIdentifierTypeCode = 4;
    private const int CxAssigningFacility = 5;
    private const int XpnFamilyName = 0;
    private const int XpnGivenName = 1;
    private const int XpnFurtherGivenNames = 2;
    private const int XpnNameTypeCode = 6;
    private const int XadStreetAddress = 0;
    private const int XadPostalCode = 4;
    private const int XadAddressType = 6;
    private const int XtnTelephoneNumber = 0;
    private const int XtnUseCode = 1;
    private const int XtnEquipmentType = 2;
    private const int XtnEmailAddress = 3;
    private const int XtnCountryCode = 4;
    private const int XtnAreaCode = 5;
    private const int XtnLocalNumber = 6;
    private const int XtnUnformattedNumber = 11;
    private const int XonIdNumber = 2;
    private const int XonOrganizationIdentifier = 9;

    /// <summary>PID-3 (then PID-2 for a marked NHS number): the NHS number and the local identifier.</summary>
    private static void ReadIdentifiers(ReadOnlySpan<char> pid3, ReadOnlySpan<char> pid2, in Hl7Delimiters delimiters, out string? nhsNumber, out string? localIdentifier)
    {
        nhsNumber = null;
        localIdentifier = null;
        string? firstOther = null;
        foreach (var repetition in new Hl7Pieces(pid3, delimiters.Repetition))
        {
            var value = Component(repetition, delimiters, CxIdNumber);
            if (value is null)
            {
                continue;
            }

            if (IsNhsNumber(repetition, delimiters))
            {
                nhsNumber ??= value;
                continue;
            }

            var type = Hl7Pieces.At(repetition, delimiters.Component, CxIdentifierTypeCode);
            if (localIdentifier is null && (InteropText.IsCode(type, "MR") || InteropText.IsCode(type, "PI")))
            {
                localIdentifier = value;
            }

            firstOther ??= value;
        }

        localIdentifier ??= firstOther;
        if (nhsNumber is not null)
        {
            return;
        }

        foreach (var repetition in new Hl7Pieces(pid2, delimiters.Repetition))
        {
            if (IsNhsNumber(repetition, delimiters) && Component(repetition, delimiters, CxIdNumber) is { } value)
            {
                nhsNumber = value;
                return;
            }
        }
    }

    /// <summary>Whether a CX repetition is marked as the NHS number (type NH, or the NHS as authority or facility).</summary>
    private static bool IsNhsNumber(ReadOnlySpan<char> cx, in Hl7Delimiters delimiters)
    {
        if (InteropText.IsCode(Hl7Pieces.At(cx, delimiters.Component, CxIdentifierTypeCode), "NH"))
        {
            return true;
        }

        // HD: namespace ID & universal ID & universal ID type.
        var authority = Hl7Pieces.At(cx, delimiters.Component, CxAssigningAuthority);
        if (NhsNumberIssuers.IsNhs(Hl7Pieces.At(authority, delimiters.Subcomponent, 0))
            || NhsNumberIssuers.IsNhs(Hl7Pieces.At(authority, delimiters.Subcomponent, 1)))
        {
            return true;
        }

        var facility = Hl7Pieces.At(cx, delimiters.Component, CxAssigningFacility);
        return NhsNumberIssuers.IsNhs(Hl7Pieces.At(facility, delimiters.Subcomponent, 0));
    }

    /// <summary>The repetition whose type component is <paramref name="preferredType"/> (the legal name, the home
    /// address), else the first with text in components <paramref name="firstComponent"/> to
    /// <paramref name="lastComponent"/>; empty when none has text.</summary>
    private static ReadOnlySpan<char> ChooseRepetition(ReadOnlySpan<char> field, in Hl7Delimiters delimiters, int firstComponent,
        int lastComponent, int typeComponent, string preferredType)
    {
        ReadOnlySpan<char> chosen = default;
        var found = false;
        foreach (var repetition in new Hl7Pieces(field, delimiters.Repetition))
        {
            if (!HasText(repetition, delimiters, firstComponent, lastComponent))
            {
                continue;
            }

            if (InteropText.IsCode(Hl7Pieces.At(repetition, delimiters.Component, typeComponent), preferredType))
            {
                return repetition;
            }

            if (!found)
            {
                chosen = repetition;
                found = true;
            }
        }

        return chosen;
    }

    /// <summary>PID-5: the legal name if marked, else the first name with text.</summary>
    private static void ReadName(ReadOnlySpan<char> pid5, in Hl7Delimiters delimiters, out string? givenNames, out string? familyName)
    {
        var chosen = ChooseRepetition(pid5, delimiters, XpnFamilyName, XpnFurtherGivenNames, XpnNameTypeCode, "L");

        // FN: surname & own surname prefix & own surname & ...; the surname subcomponent is the family name.
        var family = Hl7Pieces.At(chosen, delimiters.Component, XpnFamilyName);
        familyName = Hl7Escaping.Decode(Hl7Pieces.At(family, delimiters.Subcomponent, 0), delimiters);
        givenNames = InteropText.JoinNonEmpty(
            " ",
            Component(chosen, delimiters, XpnGivenName),
            Component(chosen, delimiters, XpnFurtherGivenNames));
    }

    /// <summary>PID-11: the home address if marked, else the first address with text.</summary>
    private static void ReadAddress(ReadOnlySpan<char> pid11, in Hl7Delimiters delimiters, out string? postcode, out string? address)
    {
        var chosen = ChooseRepetition(pid11, delimiters, XadStreetAddress, XadPostalCode, XadAddressType, "H");

        postcode = Component(chosen, delimiters, XadPostalCode);

        // SAD: street or mailing address & street name & dwelling number.
        var sad = Hl7Pieces.At(chosen, delimiters.Component, XadStreetAddress);
        var street = Hl7Escaping.Decode(Hl7Pieces.At(sad, delimiters.Subcomponent, 0), delimiters)
            ?? InteropText.JoinNonEmpty(
                " ",
                Hl7Escaping.Decode(Hl7Pieces.At(sad, delimiters.Subcomponent, 2), delimiters),
                Hl7Escaping.Decode(Hl7Pieces.At(sad, delimiters.Subcomponent, 1), delimiters));
        address = InteropText.JoinNonEmpty(
            ", ",
            street,
            Component(chosen, delimiters, 1),
            Component(chosen, delimiters, 2),
            Component(chosen, delimiters, 3));
    }

    /// <summary>PID-13: the first email and the first telephone number.</summary>
    private static void ReadTelecom(ReadOnlySpan<char> pid13, in Hl7Delimiters delimiters, out string? phone, out string? email)
    {
        phone = null;
        email = null;
        foreach (var repetition in new Hl7Pieces(pid13, delimiters.Repetition))
        {
            var first = Component(repetition, delimiters, XtnTelephoneNumber);
            var emailAddress = Component(repetition, delimiters, XtnEmailAddress);
            var network = InteropText.IsCode(Hl7Pieces.At(repetition, delimiters.Component, XtnUseCode), "NET")
                || InteropText.IsCode(Hl7Pieces.At(repetition, delimiters.Component, XtnEquipmentType), "Internet")
                || InteropText.IsCode(Hl7Pieces.At(repetition, delimiters.Component, XtnEquipmentType), "X.400");
            if (emailAddress is not null || network)
            {
                email ??= emailAddress ?? (first is not null && first.Contains('@', StringComparison.Ordinal) ? first : null);
                continue;
            }

            if (phone is not null)
            {
                continue;
            }

            var countryCode = Component(repetition, delimiters, XtnCountryCode);
            phone = first
                ?? Component(repetition, delimiters, XtnUnformattedNumber)
                ?? InteropText.JoinNonEmpty(
                    " ",
                    countryCode is null ? null : "+" + countryCode,
                    Component(repetition, delimiters, XtnAreaCode),
                    Component(repetition, delimiters, XtnLocalNumber));
        }
    }

    /// <summary>PD1-3 (XON), first repetition only: the ODS code of the registered GP practice, upper case.</summary>
    /// <remarks>NHS England's HL7 v2 ITK profiles carry the code in XON.10 (organisation identifier); older senders
    /// put it in XON.3 (ID number, deprecated since v2.5 but still sent), so that is read when XON.10 is empty. Later
    /// repetitions are former or other facilities, not the registered practice. ODS codes are upper case by
    /// definition; upper-casing here means a sender's <c>a81001</c> compares equal to PDS's <c>A81001</c>.</remarks>
    private static string? ReadGpPractice(ReadOnlySpan<char> pd13, in Hl7Delimiters delimiters)
    {
        var first = Hl7Pieces.At(pd13, delimiters.Repetition, 0);
        var code = Component(first, delimiters, XonOrganizationIdentifier) ?? Component(first, delimiters, XonIdNumber);

        // ToUpperInvariant returns the same instance when nothing changes, so an upper-case code costs no second string.
        return code?.ToUpperInvariant();
    }

    /// <summary>Component <paramref name="index"/> of a repetition, decoded (its first subcomponent when it has several).</summary>
    private static string? Component(ReadOnlySpan<char> repetition, in Hl7Delimiters delimiters, int index) =>
        Hl7Escaping.Decode(Hl7Pieces.At(Hl7Pieces.At(repetition, delimiters.Component, index), delimiters.Subcomponent, 0), delimiters);

    /// <summary>Whether any of components <paramref name="from"/> to <paramref name="to"/> holds text (not blank, not <c>""</c>).</summary>
    private static bool HasText(ReadOnlySpan<char> repetition, in Hl7Delimiters delimiters, int from, int to)
    {
        var index = 0;
        foreach (var component in new Hl7Pieces(repetition, delimiters.Component))
        {
            if (index > to)
            {
                break;
            }

            if (index >= from)
            {
                var text = component.Trim();
                foreach (var part in new Hl7Pieces(text, delimiters.Subcomponent))
                {
                    var trimmed = part.Trim();
                    if (!trimmed.IsEmpty && trimmed is not "\"\"")
                    {
                        return true;
                    }
                }
            }

            index++;
        }

        return false;
    }
}

using NhsIdentity.Matching;

namespace NhsIdentity.Interop;

public static partial class Hl7Message
{
    /// <summary>MLLP framing: start block (VT) before a message, end block (FS) after it.</summary>
    private const string Framing = "\u000B\u001C";

    private static Hl7ReadError Read(ReadOnlySpan<char> message, out PatientRecord? record)
    {
        record = null;
        var error = Locate(message, out var delimiters, out var msh, out var pid);
        if (error != Hl7ReadError.None)
        {
            return error;
        }

        ReadIdentifiers(Field(pid, delimiters, 3), Field(pid, delimiters, 2), delimiters, out var nhsNumber, out var localIdentifier);
        ReadName(Field(pid, delimiters, 5), delimiters, out var givenNames, out var familyName);
        var dateOfBirth = InteropText.ToIsoDate(Hl7Escaping.Decode(Hl7Pieces.At(Field(pid, delimiters, 7), delimiters.Component, 0), delimiters));
        if (nhsNumber is null && localIdentifier is null && givenNames is null && familyName is null && dateOfBirth is null)
        {
            return Hl7ReadError.NoPatientData;
        }

        ReadAddress(Field(pid, delimiters, 11), delimiters, out var postcode, out var address);
        ReadTelecom(Field(pid, delimiters, 13), delimiters, out var phone, out var email);

        // MSH-n is piece n-1 of the segment: MSH-1 is the separator itself, so "MSH" is piece 0 and MSH-2 piece 1.
        var controlId = msh.IsEmpty ? null : Hl7Escaping.Decode(Hl7Pieces.At(Hl7Pieces.At(msh, delimiters.Field, 9), delimiters.Component, 0), delimiters);
        record = new PatientRecord
        {
            Id = localIdentifier ?? controlId,
            NhsNumber = nhsNumber,
            GivenNames = givenNames,
            FamilyName = familyName,
            DateOfBirth = dateOfBirth,
            Sex = Hl7Escaping.Decode(Hl7Pieces.At(Field(pid, delimiters, 8), delimiters.Component, 0), delimiters),
            Postcode = postcode,
            Address = address,
            LocalIdentifier = localIdentifier,
            Phone = phone,
            Email = email,
        };
        return Hl7ReadError.None;
    }

    /// <summary>PID-n: piece n of the segment (piece 0 is the name <c>PID</c>).</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> pid, in Hl7Delimiters delimiters, int number) =>
        Hl7Pieces.At(pid, delimiters.Field, number);

    /// <summary>Finds the delimiters, the <c>MSH</c> segment (empty when there is none) and the first <c>PID</c> segment.</summary>
    private static Hl7ReadError Locate(ReadOnlySpan<char> message, out Hl7Delimiters delimiters, out ReadOnlySpan<char> msh, out ReadOnlySpan<char> pid)
    {
        delimiters = Hl7Delimiters.Default;
        msh = default;
        pid = default;
        var sawText = false;
        var rest = message;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var segment = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            segment = segment.Trim().Trim(Framing).Trim();
            if (segment.IsEmpty)
            {
                continue;
            }

            sawText = true;
            if (segment.StartsWith("MSH", StringComparison.Ordinal))
            {
                if (!msh.IsEmpty)
                {
                    break; // the next message begins
                }

                if (!Hl7Delimiters.TryRead(segment, out delimiters))
                {
                    return Hl7ReadError.BadMshSegment;
                }

                msh = segment;
            }
            else if (segment.StartsWith("PID", StringComparison.Ordinal))
            {
                if (msh.IsEmpty)
                {
                    delimiters = Hl7Delimiters.ForLoneSegment(segment);
                }

                if (segment.Length == 3 || segment[3] == delimiters.Field)
                {
                    pid = segment;
                    break;
                }
            }
        }

        return !sawText ? Hl7ReadError.Empty : pid.IsEmpty ? Hl7ReadError.NoPidSegment : Hl7ReadError.None;
    }
}

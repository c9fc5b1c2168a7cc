using NhsIdentity.Matching;

namespace NhsIdentity.Interop;

public static partial class Hl7Message
{
    /// <summary>MLLP framing: start block (VT) before a message, end block (FS) after it.</summary>
    private const string Framing = "\u000B\u001C";

    private static Hl7ReadError Read(ReadOnlySpan<char> message, out PatientRecord? record)
    {
        record = null;
        var error = Locate(message, out var delimiters, out var msh, out var pid, out var pd1);
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

        // Read after the NoPatientData check: the GP practice says where a patient is registered, not who they are,
        // so a message whose only content is a PD1 still has no patient (and its failure path still allocates nothing).
        var gpPracticeCode = pd1.IsEmpty ? null : ReadGpPractice(Field(pd1, delimiters, 3), delimiters);

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
            GpPracticeCode = gpPracticeCode,
        };
        return Hl7ReadError.None;
    }

    /// <summary>PID-n or PD1-n: piece n of the segment (piece 0 is the segment name).</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> segment, in Hl7Delimiters delimiters, int number) =>
        Hl7Pieces.At(segment, delimiters.Field, number);

    /// <summary>Finds the delimiters, the <c>MSH</c> segment (empty when there is none), the first <c>PID</c> segment and
    /// the <c>PD1</c> segment that belongs to it (empty when there is none).</summary>
    private static Hl7ReadError Locate(ReadOnlySpan<char> message, out Hl7Delimiters delimiters, out ReadOnlySpan<char> msh,
        out ReadOnlySpan<char> pid, out ReadOnlySpan<char> pd1)
    {
        delimiters = Hl7Delimiters.Default;
        msh = default;
        pid = default;
        pd1 = default;
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
                if (!msh.IsEmpty || !pid.IsEmpty)
                {
                    break; // the next message begins (after a lone PID too: its delimiters are not this message's)
                }

                if (!Hl7Delimiters.TryRead(segment, out delimiters))
                {
                    return Hl7ReadError.BadMshSegment;
                }

                msh = segment;
            }
            else if (!pid.IsEmpty)
            {
                // PD1 belongs to the PID before it (HL7 v2.5.1 chapter 3: PID [PD1] in the ADT structures). It is
                // looked for up to the next PID rather than only directly after, so a sender that orders segments
                // loosely still gives it; a second PID starts another patient group (A39/A40 merges carry PID PD1 MRG
                // per patient), whose PD1 is not this patient's.
                if (IsSegment(segment, "PD1", delimiters.Field))
                {
                    pd1 = segment;
                    break;
                }

                if (IsSegment(segment, "PID", delimiters.Field))
                {
                    break;
                }
            }
            else if (segment.StartsWith("PID", StringComparison.Ordinal))
            {
                if (msh.IsEmpty)
                {
                    delimiters = Hl7Delimiters.ForLoneSegment(segment);
                }

                if (IsSegment(segment, "PID", delimiters.Field))
                {
                    pid = segment;
                }
            }
        }

        return !sawText ? Hl7ReadError.Empty : pid.IsEmpty ? Hl7ReadError.NoPidSegment : Hl7ReadError.None;
    }

    /// <summary>Whether <paramref name="segment"/> is named <paramref name="name"/>: the name then the field separator or
    /// nothing (so <c>PIDX</c> is not a <c>PID</c>).</summary>
    private static bool IsSegment(ReadOnlySpan<char> segment, string name, char fieldSeparator) =>
        segment.StartsWith(name, StringComparison.Ordinal) && (segment.Length == name.Length || segment[name.Length] == fieldSeparator);
}

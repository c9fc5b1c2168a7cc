using NhsIdentity.Demographics;

namespace NhsIdentity.Fhir;

/// <summary>How <see cref="FhirPatientMapper"/> reads and writes a FHIR <c>Patient</c>. Every option documents its
/// default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>.</remarks>
public sealed record FhirPatientMapperOptions
{
    /// <summary>The options used when none are given.</summary>
    public static FhirPatientMapperOptions Default { get; } = new();

    /// <summary>
    /// Gets the date against which a name's, address's or contact point's <c>period</c> is judged current. Default
    /// <see langword="null"/>: no date is known (the package reads no clock), so anything with a
    /// <c>period.end</c> counts as ended and a <c>period.start</c> is ignored. With a date, an element is current when
    /// its period has not ended before that date and has not started after it (partial dates such as <c>2019</c>
    /// cover the whole year). Pass the date of the message or of the extract for temporary addresses to count.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>
    /// Gets the identifier system of the local identifier (hospital number, MRN). Reading: when set, the local
    /// identifier is the first identifier with this system; when <see langword="null"/> (the default), it is the first
    /// identifier whose system is not the NHS number's (<see cref="UkCoreSystems.NhsNumber"/>, or no system at all).
    /// Identifiers with <c>use = old</c> are skipped either way. Writing: the local identifier's system (none when
    /// <see langword="null"/>).
    /// </summary>
    public string? LocalIdentifierSystem { get; init; }

    /// <summary>
    /// Gets the order of day and month in a record's numeric date of birth when a <c>PatientRecord</c> is written
    /// back to a <c>Patient</c>. Default <see cref="DateOrder.DayMonthYear"/>, as <c>RecordSetOptions.Default</c>.
    /// FHIR's <c>birthDate</c> is always ISO 8601, so this has no effect on reading.
    /// </summary>
    public DateOrder DateOrder { get; init; } = DateOrder.DayMonthYear;
}

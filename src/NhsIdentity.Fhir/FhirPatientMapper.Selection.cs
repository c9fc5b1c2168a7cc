using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace NhsIdentity.Fhir;

// Which of a patient's several names, addresses and contact points is the current one. Each candidate gets a rank
// by its use (lower is better, -1 never chosen); the first candidate of the best rank wins, so document order
// breaks ties, as FHIR leaves the order of repeating elements to the sender.
public static partial class FhirPatientMapper
{
    /// <summary>Chooses the patient's current name: the first current name with a family or given name, by
    /// <c>use</c> <c>official</c>, <c>usual</c>, none, <c>temp</c>. <c>old</c>, <c>maiden</c>, <c>nickname</c> and
    /// <c>anonymous</c> names are never chosen.</summary>
    /// <param name="patient">The resource.</param>
    /// <param name="options">Mapping options (the reference date); <see langword="null"/> for the defaults.</param>
    /// <returns>The name, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentException">A name holds a value its FHIR type cannot hold (see
    /// <see cref="ToPatientRecord"/>).</exception>
    public static HumanName? SelectName(Patient patient, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        try
        {
            return SelectNameCore(patient, options ?? FhirPatientMapperOptions.Default);
        }
        catch (CodedException)
        {
            FhirThrowHelper.ThrowInvalidElementValue(nameof(patient));
            return null;
        }
    }

    /// <summary>Chooses the patient's current address: the first current address, by <c>use</c> <c>home</c>, none,
    /// <c>temp</c>. <c>old</c>, <c>work</c> and <c>billing</c> addresses, and ones with neither a line, a city nor a
    /// postcode, are never chosen.</summary>
    /// <param name="patient">The resource.</param>
    /// <param name="options">Mapping options (the reference date); <see langword="null"/> for the defaults.</param>
    /// <returns>The address, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentException">An address holds a value its FHIR type cannot hold (see
    /// <see cref="ToPatientRecord"/>).</exception>
    public static Address? SelectAddress(Patient patient, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        try
        {
            return SelectAddressCore(patient, options ?? FhirPatientMapperOptions.Default);
        }
        catch (CodedException)
        {
            FhirThrowHelper.ThrowInvalidElementValue(nameof(patient));
            return null;
        }
    }

    /// <summary>Chooses the patient's current contact point of one system (phone, email, ...): the current one
    /// with a value and the lowest <c>rank</c> (unranked last), first in document order among equals;
    /// <c>use = old</c> is never chosen.</summary>
    /// <param name="patient">The resource.</param>
    /// <param name="system">The contact point system wanted.</param>
    /// <param name="options">Mapping options (the reference date); <see langword="null"/> for the defaults.</param>
    /// <returns>The contact point, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentException">A contact point holds a value its FHIR type cannot hold (see
    /// <see cref="ToPatientRecord"/>).</exception>
    public static ContactPoint? SelectContact(Patient patient, ContactPoint.ContactPointSystem system, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        try
        {
            return SelectContactCore(patient, system, options ?? FhirPatientMapperOptions.Default);
        }
        catch (CodedException)
        {
            FhirThrowHelper.ThrowInvalidElementValue(nameof(patient));
            return null;
        }
    }

    private static HumanName? SelectNameCore(Patient patient, FhirPatientMapperOptions options)
    {
        HumanName? best = null;
        var bestRank = int.MaxValue;
        foreach (var name in patient.Name)
        {
            if (name is null || !HasNameParts(name) || !FhirText.IsCurrent(name.Period, options.ReferenceDate))
            {
                continue;
            }

            var rank = NameRank(name.Use);
            if (rank >= 0 && rank < bestRank)
            {
                best = name;
                bestRank = rank;
            }
        }

        return best;
    }

    private static Address? SelectAddressCore(Patient patient, FhirPatientMapperOptions options)
    {
        Address? best = null;
        var bestRank = int.MaxValue;
        foreach (var address in patient.Address)
        {
            if (address is null || !HasAddressParts(address) || !FhirText.IsCurrent(address.Period, options.ReferenceDate))
            {
                continue;
            }

            var rank = AddressRank(address.Use);
            if (rank >= 0 && rank < bestRank)
            {
                best = address;
                bestRank = rank;
            }
        }

        return best;
    }

    private static ContactPoint? SelectContactCore(Patient patient, ContactPoint.ContactPointSystem system, FhirPatientMapperOptions options)
    {
        ContactPoint? best = null;
        var bestRank = long.MaxValue;
        foreach (var contact in patient.Telecom)
        {
            if (contact is null
                || contact.System != system
                || contact.Use == ContactPoint.ContactPointUse.Old
                || string.IsNullOrWhiteSpace(contact.Value)
                || !FhirText.IsCurrent(contact.Period, options.ReferenceDate))
            {
                continue;
            }

            // FHIR: rank is a positive integer, 1 the most preferred; an unranked point comes after ranked ones.
            long rank = contact.Rank is { } r and > 0 ? r : int.MaxValue + 1L;
            if (rank < bestRank)
            {
                best = contact;
                bestRank = rank;
            }
        }

        return best;
    }

    private static int NameRank(HumanName.NameUse? use) => use switch
    {
        HumanName.NameUse.Official => 0,
        HumanName.NameUse.Usual => 1,
        null => 2,
        HumanName.NameUse.Temp => 3,
        _ => -1, // old, maiden, nickname, anonymous
    };

    private static int AddressRank(Address.AddressUse? use) => use switch
    {
        Address.AddressUse.Home => 0,
        null => 1,
        Address.AddressUse.Temp => 2,
        _ => -1, // old, work, billing
    };

    private static bool HasNameParts(HumanName name)
    {
        if (!string.IsNullOrWhiteSpace(name.Family))
        {
            return true;
        }

        foreach (var given in name.Given)
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAddressParts(Address address)
    {
        if (!string.IsNullOrWhiteSpace(address.PostalCode) || !string.IsNullOrWhiteSpace(address.City))
        {
            return true;
        }

        foreach (var line in address.Line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return true;
            }
        }

        return false;
    }
}

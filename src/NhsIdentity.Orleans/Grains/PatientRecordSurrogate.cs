using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>A <see cref="PatientRecord"/> as Orleans sends it between client and silos (the core package does not
/// depend on Orleans, so its types cannot carry serializer attributes).</summary>
[GenerateSerializer]
[Alias("NhsIdentity.PatientRecord")]
internal struct PatientRecordSurrogate
{
    [Id(0)] public string? Id;
    [Id(1)] public string? NhsNumber;
    [Id(2)] public string? GivenNames;
    [Id(3)] public string? FamilyName;
    [Id(4)] public string? DateOfBirth;
    [Id(5)] public string? Sex;
    [Id(6)] public string? Postcode;
    [Id(7)] public string? Address;
    [Id(8)] public string? LocalIdentifier;
    [Id(9)] public string? Phone;
    [Id(10)] public string? Email;
    [Id(11)] public string? GpPracticeCode;
}

/// <summary>Converts <see cref="PatientRecord"/> to and from its surrogate, field for field.</summary>
[RegisterConverter]
internal sealed class PatientRecordSurrogateConverter : IConverter<PatientRecord, PatientRecordSurrogate>
{
    public PatientRecord ConvertFromSurrogate(in PatientRecordSurrogate surrogate) => new()
    {
        Id = surrogate.Id,
        NhsNumber = surrogate.NhsNumber,
        GivenNames = surrogate.GivenNames,
        FamilyName = surrogate.FamilyName,
        DateOfBirth = surrogate.DateOfBirth,
        Sex = surrogate.Sex,
        Postcode = surrogate.Postcode,
        Address = surrogate.Address,
        LocalIdentifier = surrogate.LocalIdentifier,
        Phone = surrogate.Phone,
        Email = surrogate.Email,
        GpPracticeCode = surrogate.GpPracticeCode,
    };

    public PatientRecordSurrogate ConvertToSurrogate(in PatientRecord value) => new()
    {
        Id = value.Id,
        NhsNumber = value.NhsNumber,
        GivenNames = value.GivenNames,
        FamilyName = value.FamilyName,
        DateOfBirth = value.DateOfBirth,
        Sex = value.Sex,
        Postcode = value.Postcode,
        Address = value.Address,
        LocalIdentifier = value.LocalIdentifier,
        Phone = value.Phone,
        Email = value.Email,
        GpPracticeCode = value.GpPracticeCode,
    };
}

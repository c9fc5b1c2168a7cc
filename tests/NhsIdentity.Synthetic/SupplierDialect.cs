namespace NhsIdentity.Synthetic;

/// <summary>The supplier systems an extract can imitate, each with its own CSV layout.</summary>
public enum SupplierDialect
{
    /// <summary>
    /// Hospital PAS/EPR (<c>pas</c>): <c>PatientID,NHS_NO,Forename,Surname,DOB,Gender,AddressLine1,AddressLine2,AddressLine3,PostCode</c>;
    /// the row id is the hospital number, the NHS number ten plain digits, the forename the first given name only,
    /// the surname in capitals, dates <c>dd/MM/yyyy</c>, gender <c>M</c>/<c>F</c>/<c>U</c>.
    /// </summary>
    Pas = 0,

    /// <summary>
    /// GP system (<c>gp</c>): <c>id,nhs_number,given_name,family_name,date_of_birth,sex,address,postcode,local_id</c>;
    /// the NHS number spaced 3-3-4, given names in full (middle names included), ISO dates, sex
    /// <c>male</c>/<c>female</c>/<c>unknown</c>, the address lines joined by <c>", "</c>.
    /// </summary>
    Gp = 1,
}

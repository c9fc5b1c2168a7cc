namespace NhsIdentity.Orleans;

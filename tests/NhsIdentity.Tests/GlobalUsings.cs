global using NhsIdentity;
global using Xunit;

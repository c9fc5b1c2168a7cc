using Xunit.Abstractions;
using Xunit.Sdk;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>Marks a test class that runs a store contract against PostgreSQL: its <see cref="StoreFactAttribute"/>
/// tests are skipped, with <see cref="TestPostgres.SkipReason"/>, where there is no PostgreSQL test server.</summary>
internal interface IRunsOnPostgres;

/// <summary>A fact in a store contract (an abstract class with one subclass per store). A plain <see cref="FactAttribute"/>
/// sets its <c>Skip</c> where the method is declared, the same for every subclass; this one is skipped, with the reason,
/// only in subclasses marked <see cref="IRunsOnPostgres"/> and only when PostgreSQL is not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("NhsIdentity.Server.Tests.TestHelpers.StoreFactDiscoverer", "NhsIdentity.Server.Tests")]
internal sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests as <see cref="StoreTestCase"/>s.</summary>
internal sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>A store contract test whose skip reason depends on the class it runs in. The reason is worked out again
/// after the test case is deserialised, so nothing beyond the base case needs serialising.</summary>
internal sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class is IReflectionTypeInfo { Type: var type } && typeof(IRunsOnPostgres).IsAssignableFrom(type) && TestPostgres.SkipReason is { } reason
            ? reason
            : base.GetSkipReason(factAttribute);
}

using Infra.Policies;
using Infra.Providers.Generated;
using Infra.Synthesis;
using Infra.Tests.Policies;

namespace Infra.Tests.Cloud;

/// <summary>Assertions for the cloud-constraint policies: one violation naming the resource, the property, the rule and its source.</summary>
internal static class CloudFixture
{
    public static Violation AssertOne(this PolicyFixture f, string policyId, string subject, string property, string fragment)
    {
        var violation = f.AssertOne(policyId, subject, fragment);
        Assert.Equal(property, violation.Property);
        Assert.False(string.IsNullOrWhiteSpace(violation.Source), $"{policyId} names no source");
        Assert.Equal(Severity.Mandatory, violation.Severity);
        Assert.Contains(subject, violation.Render(), StringComparison.Ordinal);
        Assert.Contains(violation.Source!, violation.Render(), StringComparison.Ordinal);
        return violation;
    }

    /// <summary>An AWS provider with defaultTags, as the dc9 tier declares it.</summary>
    public static ResourceOptions WithDefaultTags(this PolicyFixture f, IReadOnlyDictionary<string, string> tags) =>
        new()
        {
            Provider = new Aws.AwsProvider(f.Blueprint, "aws-tagged", new Aws.AwsProviderArgs
            {
                Region = "eu-west-1",
                DefaultTags = new Aws.ProviderDefaultTags { Tags = tags.ToDictionary(t => t.Key, t => (Input<string>)t.Value) },
            }),
        };
}

using Infra.Providers.Generated;
using Infra.Synthesis;
using Infra.Tests.SchemaConformance;
using static Infra.Providers.Generated.Aws;

namespace Infra.Tests.ProviderTypes;

/// <summary>Typed invokes: arguments as generated args, the explicit provider as an option, one field per result property.</summary>
public sealed class GeneratedInvokeTests
{
    [Fact]
    public void A_typed_invoke_writes_its_arguments_the_provider_and_the_field_it_returns()
    {
        var blueprint = ProviderBlueprint.New();
        var aws = ProviderBlueprint.ProviderOf(blueprint, "aws");

        var ami = Ec2.GetAmi(aws, new()
        {
            Owners = ["136693071363"],
            MostRecent = true,
            Filters = [new() { Name = "name", Values = ["debian-12-amd64-*"] }, new() { Name = "architecture", Values = ["x86_64"] }],
        }).Id;
        blueprint.Variable<string>("serverAmi", ami.Expr);

        Assert.Contains("""
            variables:
              serverAmi:
                fn::invoke:
                  function: aws:ec2/getAmi:getAmi
                  arguments:
                    owners:
                    - "136693071363"
                    mostRecent: true
                    filters:
                    - name: name
                      values:
                      - debian-12-amd64-*
                    - name: architecture
                      values:
                      - x86_64
                  options:
                    provider: ${aws}
                    version: "7.48.0"
                  return: id
            """.Replace("\r\n", "\n"), blueprint.ToYaml());
        Conformance.AssertConforms(blueprint.ToYaml());
    }

    [Fact]
    public void A_function_without_required_arguments_needs_only_the_provider_and_can_return_the_whole_result()
    {
        var blueprint = ProviderBlueprint.New();
        var aws = ProviderBlueprint.ProviderOf(blueprint, "aws");

        blueprint.Variable<string>("accountId", Aws.GetCallerIdentity(aws).AccountId.Expr);
        blueprint.Variable<object>("zones", Aws.GetAvailabilityZones(aws, new() { State = "available" }).Expr);

        var yaml = blueprint.ToYaml();
        Assert.Contains("""
              accountId:
                fn::invoke:
                  function: aws:index/getCallerIdentity:getCallerIdentity
                  arguments: {}
                  options:
                    provider: ${aws}
                    version: "7.48.0"
                  return: accountId
            """.Replace("\r\n", "\n"), yaml);
        Assert.DoesNotContain("return: names", yaml);
        Assert.Contains("      function: aws:index/getAvailabilityZones:getAvailabilityZones\n      arguments:\n        state: available\n", yaml);
        Conformance.AssertConforms(yaml);
    }

    [Fact]
    public void Every_typed_invoke_takes_the_provider_as_a_required_option()
    {
        foreach (var result in GeneratedTypes.FunctionResults)
        {
            var parameters = GeneratedTypes.InvokeMethodOf(result).GetParameters();
            Assert.Equal(typeof(InvokeOptions), parameters[0].ParameterType);
            Assert.False(parameters[0].IsOptional, $"{result.FullName}: the invoke options must be required.");
        }
        var property = typeof(InvokeOptions).GetProperty(nameof(InvokeOptions.Provider))!;
        Assert.True(SampleArgs.IsRequired(property), "InvokeOptions.Provider must be a required member.");
    }
}

using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// ACM gives the certificate's validation record fully qualified, with a trailing dot. Cloudflare stores
/// name and content without it and reports them back so: a record written with the dot differs from its
/// state on every <c>pulumi up</c>. The Cloudflare record is written without it; Route53 (whose provider
/// normalizes record names and keeps values as given) takes ACM's values as they are.
/// </summary>
public class ValidationRecordTests
{
    private const string NameRef = "${alb-cert.domainValidationOptions[0].resourceRecordName}";
    private const string ValueRef = "${alb-cert.domainValidationOptions[0].resourceRecordValue}";

    // What ACM returns for dev.example.com (format from the ACM DescribeCertificate documentation).
    private static readonly IReadOnlyDictionary<string, string> Acm = new Dictionary<string, string>
    {
        [NameRef] = "_3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d.dev.example.com.",
        [ValueRef] = "_9c1b2a3d4e5f60718293a4b5c6d7e8f9.zfyfvmchrl.acm-validations.aws.",
    };

    private static YamlMappingNode Record(string provider)
    {
        var yaml = Dc9Synth.With("route53ZoneId", null).Replace("infra:dnsProvider: route53", $"infra:dnsProvider: {provider}");
        if (provider == "cloudflare") yaml = yaml.Replace("  infra:region:", "  infra:cloudflareZoneId: 0123456789abcdef0123456789abcdef\n  infra:region:");
        return (YamlMappingNode)ProgramYaml.Parse(Dc9Synth.Yaml(yaml)).At("resources", "dns-cert-validation", "properties");
    }

    [Fact]
    public void The_cloudflare_validation_record_has_no_trailing_dot_in_name_or_content()
    {
        var record = Record("cloudflare");
        Assert.Equal("_3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d.dev.example.com", Evaluate(record.At("name"), Acm));
        Assert.Equal("_9c1b2a3d4e5f60718293a4b5c6d7e8f9.zfyfvmchrl.acm-validations.aws", Evaluate(record.At("content"), Acm));
    }

    [Fact]
    public void A_value_without_the_expected_suffix_passes_through_unchanged()
    {
        var record = Record("cloudflare");
        var other = new Dictionary<string, string> { [ValueRef] = "_other.validation.example.net." };
        Assert.Equal("_other.validation.example.net.", Evaluate(record.At("content"), other));
    }

    [Fact]
    public void The_route53_validation_record_takes_acms_values_as_they_are()
    {
        var record = Record("route53");
        Assert.Equal(NameRef, record.At("name").Text());
        Assert.Equal(ValueRef, record.At("records", 0).Text());
    }

    /// <summary>Evaluates the Pulumi YAML built-ins used here as pulumi-yaml does (Go strings.Split / strings.Join).</summary>
    private static string Evaluate(YamlNode node, IReadOnlyDictionary<string, string> outputs) => node switch
    {
        YamlScalarNode { Value: var text } when outputs.TryGetValue(text!, out var value) => value,
        YamlScalarNode { Value: var text } when !text!.Contains("${", StringComparison.Ordinal) => text.Replace("$$", "$"),
        YamlMappingNode call when call.Children.Count == 1 && call.Has("fn::join") =>
            string.Join(Evaluate(call.At("fn::join", 0), outputs), EvaluateList(call.At("fn::join", 1), outputs)),
        _ => throw new InvalidOperationException($"cannot evaluate {node}"),
    };

    private static IEnumerable<string> EvaluateList(YamlNode node, IReadOnlyDictionary<string, string> outputs) => node switch
    {
        YamlMappingNode call when call.Children.Count == 1 && call.Has("fn::split") =>
            Evaluate(call.At("fn::split", 1), outputs).Split(Evaluate(call.At("fn::split", 0), outputs)),
        YamlSequenceNode list => list.Select(item => Evaluate(item, outputs)),
        _ => throw new InvalidOperationException($"cannot evaluate a list from {node}"),
    };
}

using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-003: descriptions and paths of AWS resources are ones the API accepts (security groups and
/// their rules take a restricted ASCII set, so an em dash or an apostrophe fails the deploy; IAM, DLM
/// and launch templates as their models say).
/// </summary>
public sealed class AwsTextFieldsAccepted : ResourcePolicy
{
    public override string Id => "CLD-003";
    public override string Title => "AWS descriptions and paths use only what the API accepts";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Package == "aws" && CreatedResources.Is(resource) && AwsTextFields.For(resource.Type).Count > 0;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        foreach (var field in AwsTextFields.For(resource.Type))
        foreach (var (path, value) in PropertyPaths.Values(resource.Properties, field.Path))
        {
            var text = Props.String(value);
            if (text is null) continue;
            var problems = field.Rule.Problems(text);
            if (problems.Count == 0) continue;
            yield return Violation(resource.Name, path,
                $"'{text}' {string.Join("; and ", problems)}: AWS rejects the create call.", field.Rule.Source,
                $"rewrite it with what {field.Rule.What} accept.");
        }
    }
}

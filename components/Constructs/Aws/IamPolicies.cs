using Infra.Synthesis;

namespace Infra.Constructs.Aws;

/// <summary>IAM policy documents, written as C# objects and emitted with <c>fn::toJSON</c>.</summary>
public static class IamPolicies
{
    public const string SsmManagedInstanceCore = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    public const string DlmServiceRole = "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole";

    /// <summary>A trust policy letting one AWS service assume the role.</summary>
    public static Input<string> AssumedBy(string servicePrincipal) => Fn.ToJson(new Dictionary<string, object>
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new object[]
        {
            new Dictionary<string, object>
            {
                ["Effect"] = "Allow",
                ["Principal"] = new Dictionary<string, object> { ["Service"] = servicePrincipal },
                ["Action"] = "sts:AssumeRole",
            },
        },
    });

    public static Input<string> Allow(IEnumerable<string> actions, object resource) => Fn.ToJson(new Dictionary<string, object>
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new object[]
        {
            new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = actions.ToList(), ["Resource"] = resource },
        },
    });
}

using Infra.Policies.Cloud.Constraints;

namespace Infra.Tests.Cloud;

/// <summary>
/// Writes the extract of the AWS API models the cloud-constraint policies read: exactly the shapes of
/// <see cref="AwsApiShapes"/>, from an installed botocore. Run it through the drift test with
/// UPDATE_AWS_SHAPES=1 (see policies/README.md).
/// </summary>
public static class BotocoreExtractor
{
    public static string Extract(string dataDirectory) =>
        AwsApiModel.Serialize($"botocore {Botocore.Version(dataDirectory)}",
            AwsApiShapes.All.Select(id => Botocore.Shape(dataDirectory, id)));
}

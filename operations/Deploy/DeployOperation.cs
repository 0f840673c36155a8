namespace Infra.Operations.Deploy;

/// <summary>The Pulumi operations <c>infra</c> drives.</summary>
public enum DeployOperation
{
    Up,
    Preview,
    Destroy,
    Refresh,
}

public static class DeployOperations
{
    public static string Verb(this DeployOperation operation) => operation switch
    {
        DeployOperation.Up => "up",
        DeployOperation.Preview => "preview",
        DeployOperation.Destroy => "destroy",
        _ => "refresh",
    };
}

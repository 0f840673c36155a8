namespace Infra.Platform.Configuration;

/// <summary>What a stack is for. Production is protected: retained data, no scheduled teardown.</summary>
public enum DeploymentEnvironment
{
    Dev,
    Staging,
    Production,
}

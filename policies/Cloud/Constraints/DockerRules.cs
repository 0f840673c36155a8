namespace Infra.Policies.Cloud.Constraints;

/// <summary>What the Docker engine accepts at create time, with the engine source each rule comes from.</summary>
public static class DockerRules
{
    public static readonly TextRule ContainerName =
        new("Docker container names", "Docker Engine (moby) daemon/names: RestrictedNamePattern ^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
        {
            Pattern = "/?[a-zA-Z0-9][a-zA-Z0-9_.-]+",
            Allowed = "[a-zA-Z0-9][a-zA-Z0-9_.-]+: at least two characters, starting with a letter or digit",
            Characters = "[a-zA-Z0-9_./-]",
        };

    public static readonly TextRule VolumeName =
        new("Docker local volume names", "Docker Engine (moby) volume/local: names follow RestrictedNamePattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
        {
            Pattern = "[a-zA-Z0-9][a-zA-Z0-9_.-]+",
            Allowed = "[a-zA-Z0-9][a-zA-Z0-9_.-]+: at least two characters, starting with a letter or digit",
            Characters = "[a-zA-Z0-9_.-]",
        };

    public const string ContainerConflictSource = "Docker Engine API, ContainerCreate: 409 Conflict when the name is already in use";
    public const string NetworkConflictSource = "Docker Engine API v1.44, NetworkCreate: 409 Conflict when a network with the name exists";
    public const string MemorySource = "Docker Engine (moby) daemon: minimum memory limit allowed is 6MB";
    public const string PortSource = "Docker Engine API, ContainerCreate: port numbers 1-65535";
    public const string ImageSource = "OCI distribution reference grammar (distribution/reference): name components, tag and digest";

    /// <summary>The smallest memory limit the engine accepts, in MB (the Docker provider's unit).</summary>
    public const int MinMemoryMb = 6;
}

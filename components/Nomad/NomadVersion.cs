namespace Infra.Software.Nomad;

/// <summary>The Nomad release the agents run and the jobs are validated against (../shared/validators/nomad).</summary>
public static class NomadVersion
{
    public const string Version = "1.11.3";

    /// <summary>The Debian package version in HashiCorp's apt repository.</summary>
    public const string AptVersion = Version + "-1";
}

namespace Infra.Platform.Provisioning;

/// <summary>
/// The AWS Systems Manager agent, so that Session Manager opens a shell on a server with no SSH key, no
/// open inbound port and every session logged in CloudTrail; the instance role already allows it
/// (AmazonSSMManagedInstanceCore) and it needs only HTTPS out. Debian's images do not ship it and Debian does
/// not package it, so it is AWS's <c>amazon-ssm-agent</c> .deb of a pinned release, by URL and checksum from
/// config, installed by the retried install step like the platform binary.
/// </summary>
public sealed record SessionManagerAgent(VerifiedDownload Package)
{
    public const string PackageName = "amazon-ssm-agent";
    public const string UnitName = PackageName + ".service";
}

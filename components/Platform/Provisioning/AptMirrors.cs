using static Infra.Platform.Provisioning.OtelCollectorConfig;

namespace Infra.Platform.Provisioning;

/// <summary>
/// The Debian package mirrors, over HTTPS. Servers may open only port 443 to the internet, but Debian's EC2
/// images fetch packages over plain HTTP: their <c>/etc/apt/sources.list.d/debian.sources</c> points at
/// <c>mirror+file:/etc/apt/mirrors/debian.list</c> (and <c>debian-security.list</c>), which Debian's cloud-init
/// writes at first boot (<c>apt: generate_mirrorlists</c>) from the cloud's HTTP mirror. So cloud-init's
/// package step would hang on a blocked port 80. This <c>apt</c> section makes cloud-init write those mirror
/// files with HTTPS mirrors before any package is fetched (apt_configure runs before package_update);
/// <c>generate_mirrorlists</c> is repeated because user-data's <c>apt</c> replaces the image's.
/// </summary>
public static class AptMirrors
{
    public const string Primary = "https://deb.debian.org/debian";
    public const string Security = "https://deb.debian.org/debian-security";

    public static OrderedDictionary<string, object> CloudConfig() => Map(
        ("generate_mirrorlists", true),
        ("primary", new object[] { Map(("arches", new[] { "default" }), ("uri", Primary)) }),
        ("security", new object[] { Map(("arches", new[] { "default" }), ("uri", Security)) }));
}

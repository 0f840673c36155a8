using Infra.Platform.Provisioning;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// Servers may reach out on 443 only. Debian's EC2 images read their package mirrors from
/// <c>/etc/apt/mirrors/debian.list</c> and <c>debian-security.list</c> (deb822 <c>mirror+file:</c> sources),
/// which Debian's cloud-init writes at first boot from the cloud's mirror, plain HTTP on EC2. Checked with
/// Debian's real cloud-init: its apt module, given the generated user-data's <c>apt</c> section, writes
/// HTTPS mirrors there (and without it, the HTTP ones the image would use).
/// </summary>
public class AptMirrorRealizationTests
{
    // Runs cloud-init's apt_configure module (Debian package cloud-init) with file writes captured, on a
    // stand-in EC2 datasource that offers Debian's HTTP mirror, as the EC2 images configure it.
    private const string Harness = """
        import json, sys, yaml
        from cloudinit import util
        from cloudinit.config import cc_apt_configure as apt

        written = {}
        util.write_file = lambda path, content, *a, **k: written.__setitem__(str(path), content)
        util.ensure_dir = lambda *a, **k: None
        util.del_file = lambda *a, **k: None
        util.lsb_release = lambda *a, **k: {"codename": "bookworm", "id": "Debian", "release": "12", "description": "Debian 12"}
        util.get_dpkg_architecture = lambda *a, **k: "amd64"

        class Datasource:
            def get_package_mirror_info(self):
                return {"primary": "http://cdn-aws.deb.debian.org/debian", "security": "http://cdn-aws.deb.debian.org/debian-security"}

        class Distro:
            name = "debian"

        class Cloud:
            datasource = Datasource()
            distro = Distro()

        # The image's own setting; user-data replaces the whole 'apt' section when it has one.
        config = {"apt": {"generate_mirrorlists": True}}
        user_data = yaml.safe_load(open(sys.argv[1]))
        if "apt" in user_data:
            config["apt"] = user_data["apt"]
        apt.handle("apt_configure", config, Cloud(), None, [])
        print(json.dumps(written, sort_keys=True))
        """;

    private static Dictionary<string, string> MirrorFilesWrittenFor(string userData)
    {
        using var dir = new TempDir();
        // The interpreter cloud-init itself runs on (its shebang), which has its modules.
        var python = File.ReadLines(RealTool.Require("cloud-init")).First()[2..].Trim();
        var result = RealTool.Run(python, dir.Write("harness.py", Harness), dir.Write("user-data.yaml", userData));
        Assert.True(result.ExitCode == 0, result.Both);
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(result.StdOut)!;
    }

    public static TheoryData<string> UserData => new()
    {
        CloudInitUserData.Render(ProvisioningFixtures.Spec()),
        BastionUserData.Render(ProvisioningFixtures.SessionManager),
    };

    [Theory]
    [MemberData(nameof(UserData))]
    public void Cloud_init_writes_https_package_mirrors_before_any_package_is_fetched(string userData)
    {
        var files = MirrorFilesWrittenFor(userData);
        Assert.Equal("https://deb.debian.org/debian\n", files["/etc/apt/mirrors/debian.list"]);
        Assert.Equal("https://deb.debian.org/debian-security\n", files["/etc/apt/mirrors/debian-security.list"]);
        Assert.All(files.Values, content => Assert.DoesNotContain("http://", content));
    }

    [Fact]
    public void Without_the_apt_section_the_image_would_fetch_over_http()
    {
        // Guards the test above: the harness really reproduces the EC2 image's plain-HTTP mirror.
        var files = MirrorFilesWrittenFor("#cloud-config\npackage_update: true\n");
        Assert.Equal("http://cdn-aws.deb.debian.org/debian\n", files["/etc/apt/mirrors/debian.list"]);
    }

    [Theory]
    [MemberData(nameof(UserData))]
    public void The_apt_section_is_applied_before_packages_are_updated(string userData)
    {
        // apt_configure runs in cloud-init's config stage, package_update_upgrade_install in the final stage.
        var modules = File.ReadAllText("/etc/cloud/cloud.cfg");
        Assert.True(modules.IndexOf(" - apt-configure", StringComparison.Ordinal) < modules.IndexOf(" - package-update-upgrade-install", StringComparison.Ordinal),
            "this cloud-init runs apt-configure after package-update-upgrade-install");
        var stream = new YamlStream();
        stream.Load(new StringReader(userData));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("true", root["package_update"].ToString());
        Assert.Equal("true", root["apt"]["generate_mirrorlists"].ToString());
    }
}

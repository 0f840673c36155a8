using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

/// <summary>
/// The generated units are checked by <c>systemd-analyze verify</c> (Debian package systemd).
///
/// How: verify refuses a unit whose ExecStart binary does not exist, and resolves dependencies
/// (multi-user.target, sysinit.target, our own units) through the unit search path. So the test builds a
/// throw-away root: the host's /usr/lib/systemd/system (targets), our units and the collector drop-in
/// under /etc/systemd/system, a stand-in for the collector package's unit, and stub executables at the
/// exact ExecStart paths; then runs <c>systemd-analyze verify --root=TEMP --man=no UNIT...</c>.
/// verify prints unknown keys and bad values as warnings with exit code 0, so stderr must be empty too.
/// </summary>
public class SystemdUnitRealizationTests
{
    private const string CollectorUnitPath = "/usr/lib/systemd/system/otelcol-contrib.service";

    private static TempDir RootWithUnits(FleetProvisioningSpec spec, string platformUnit)
    {
        var root = new TempDir();
        var targets = "/usr/lib/systemd/system";
        Assert.True(Directory.Exists(targets), $"{targets} is missing; install systemd: {RealTool.InstallHint}");
        foreach (var file in Directory.EnumerateFiles(targets))
            if (!new FileInfo(file).Attributes.HasFlag(FileAttributes.ReparsePoint))
                root.Write(Path.Combine(targets, Path.GetFileName(file)), File.ReadAllText(file));
        root.Write(PlatformServiceUnit.UnitPath, platformUnit);
        root.Write(DataVolumeUnit.UnitPath, DataVolumeUnit.RenderUnit());
        root.Write(NodeIdentity.UnitPath, NodeIdentity.RenderUnit());
        root.Write(InstallUnit.UnitPath, InstallUnit.Render());
        // The otelcol-contrib .deb ships a unit like this one; our drop-in extends it.
        root.Write(CollectorUnitPath, "[Unit]\nDescription=collector stand-in\n[Service]\nExecStart=/usr/bin/otelcol-contrib\n[Install]\nWantedBy=multi-user.target\n");
        root.Write(OtelCollectorDropIn.Path, OtelCollectorDropIn.Render());
        foreach (var executable in new[] { spec.BinaryPath, DataVolumeUnit.ScriptPath, NodeIdentity.ScriptPath, InstallScript.Path, "/usr/bin/otelcol-contrib" })
            root.Write(executable, "#!/bin/sh\n", executable: true);
        return root;
    }

    private static RealTool.Result Verify(TempDir root) => RealTool.Run("systemd-analyze", "verify", $"--root={root.Path}", "--man=no",
        PlatformServiceUnit.UnitPath, DataVolumeUnit.UnitPath, NodeIdentity.UnitPath, InstallUnit.UnitPath, CollectorUnitPath);

    [Fact]
    public void Generated_units_pass_systemd_analyze_verify()
    {
        var spec = ProvisioningFixtures.Spec();
        using var root = RootWithUnits(spec, PlatformServiceUnit.Render(spec));
        var result = Verify(root);
        Assert.True(result.ExitCode == 0 && result.StdErr.Trim().Length == 0, result.Both);
    }

    [Fact]
    public void Verify_really_catches_a_broken_unit()
    {
        var spec = ProvisioningFixtures.Spec();
        var broken = PlatformServiceUnit.Render(spec).Replace("Restart=on-failure", "Restart=sometimes");
        using var root = RootWithUnits(spec, broken);
        var result = Verify(root);
        Assert.Contains("sometimes", result.StdErr);
    }

    [Fact]
    public void Unit_takes_its_services_from_the_identity_file_as_flag_and_environment_and_is_hardened()
    {
        var unit = PlatformServiceUnit.Render(ProvisioningFixtures.Spec());
        var lines = unit.Split('\n');
        var exec = Assert.Single(lines, l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.Equal(
            "ExecStart=/usr/local/bin/platform --services=${PLATFORM_SERVICES} --node-id=${PLATFORM_NODE_ID} --http-addr=:8080 " +
            "--bus-addr=:7070 --raft-addr=:7071 --raft-peers-file=/etc/platform/raft-peers.json --data-dir=/var/lib/platform",
            exec);
        // No "-": without the identity file the start fails instead of running with no Services. The fleet-wide
        // settings come first, who the server is second.
        Assert.Equal(["EnvironmentFile=/etc/platform/platform.env", "EnvironmentFile=/etc/platform/identity.env"],
            lines.Where(l => l.StartsWith("EnvironmentFile=", StringComparison.Ordinal)));
        Assert.Contains("Requires=platform-install.service platform-data.service platform-identity.service", lines);
        Assert.Contains("After=network-online.target platform-install.service platform-data.service platform-identity.service", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Environment=", StringComparison.Ordinal));
        foreach (var hardening in new[]
                 {
                     "User=platform", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/platform",
                     "Restart=on-failure", "CapabilityBoundingSet=", "AssertPathIsMountPoint=/var/lib/platform",
                 })
            Assert.Contains(hardening, lines);
    }

    [Fact]
    public void Percent_signs_are_escaped_for_systemd()
    {
        var spec = ProvisioningFixtures.Spec() with { DataDirectory = "/srv/raft" };
        Assert.Contains("ReadWritePaths=/srv/raft", PlatformServiceUnit.Render(spec));
        var unit = typeof(PlatformServiceUnit).Assembly.GetType("Infra.Platform.Provisioning.SystemdUnitWriter")!
            .GetMethod("Escape")!.Invoke(null, ["100%"]);
        Assert.Equal("100%%", unit);
    }
}

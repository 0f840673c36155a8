using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

/// <summary>
/// The generated units are checked by <c>systemd-analyze verify</c> (Debian package systemd).
///
/// How: verify refuses a unit whose ExecStart binary does not exist, and resolves dependencies
/// (multi-user.target, sysinit.target, our platform-data.service) through the unit search path. So the
/// test builds a throw-away root: the host's /usr/lib/systemd/system (targets), our two units under
/// /etc/systemd/system, and stub executables at the exact ExecStart paths; then runs
/// <c>systemd-analyze verify --root=TEMP --man=no /etc/systemd/system/platform.service ...</c>.
/// verify prints unknown keys and bad values as warnings with exit code 0, so stderr must be empty too.
/// </summary>
public class SystemdUnitRealizationTests
{
    private static TempDir RootWithUnits(ServerProvisioningSpec spec, string platformUnit)
    {
        var root = new TempDir();
        var targets = "/usr/lib/systemd/system";
        Assert.True(Directory.Exists(targets), $"{targets} is missing; install systemd: {RealTool.InstallHint}");
        foreach (var file in Directory.EnumerateFiles(targets))
            if (!new FileInfo(file).Attributes.HasFlag(FileAttributes.ReparsePoint))
                root.Write(Path.Combine(targets, Path.GetFileName(file)), File.ReadAllText(file));
        root.Write(PlatformServiceUnit.UnitPath, platformUnit);
        root.Write(DataVolumeUnit.UnitPath, DataVolumeUnit.RenderUnit());
        root.Write(spec.BinaryPath, "#!/bin/sh\n", executable: true);
        root.Write(DataVolumeUnit.ScriptPath, "#!/bin/sh\n", executable: true);
        return root;
    }

    private static RealTool.Result Verify(TempDir root) => RealTool.Run("systemd-analyze", "verify", $"--root={root.Path}", "--man=no",
        PlatformServiceUnit.UnitPath, DataVolumeUnit.UnitPath);

    [Fact]
    public void Generated_units_pass_systemd_analyze_verify()
    {
        var spec = ProvisioningFixtures.Spec("server-2", "gateway");
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
    public void Unit_gives_the_services_as_flag_and_environment_and_is_hardened()
    {
        var unit = PlatformServiceUnit.Render(ProvisioningFixtures.Spec("server-7", "events", "accounts"));
        var lines = unit.Split('\n');
        var exec = Assert.Single(lines, l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.Equal(
            "ExecStart=/usr/local/bin/platform --services=events,accounts --node-id=server-7 --raft-port=7071 " +
            "--raft-peers-file=/etc/platform/raft-peers.json --bus-port=7070 --app-port=8080 --data-dir=/var/lib/platform",
            exec);
        Assert.Contains("Environment=PLATFORM_SERVICES=events,accounts", lines);
        Assert.Contains("Environment=PLATFORM_BUS_PORT=7070", lines);
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

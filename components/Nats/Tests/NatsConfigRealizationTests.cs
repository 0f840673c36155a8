using Infra.Nats.Tests.Loopback;

namespace Infra.Nats.Tests;

/// <summary>Every file the generator writes is accepted by the real nats-server's own check (<c>-t</c>).</summary>
public sealed class NatsConfigRealizationTests
{
    [Fact]
    public void Nats_server_accepts_every_generated_file()
    {
        using var cluster = LoopbackSuperCluster.Create(new NatsLameDuck(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)));
        Assert.Equal(9, cluster.ConfigFiles.Count);
        foreach (var (server, file) in cluster.ConfigFiles)
        {
            var result = NatsServerBinary.Check(file, cluster.ServerEnvironment);
            Assert.True(result.ExitCode == 0, $"nats-server -t refused {server}'s file:\n{result.Output}\n{File.ReadAllText(file)}");
        }
    }

    [Theory]
    [InlineData("12K9abc")] // a size (12K) followed by more: not a value
    [InlineData("true")]    // a boolean, not a string
    public void A_password_reaches_the_server_as_a_string_only_quoted(string password)
    {
        using var cluster = LoopbackSuperCluster.Create(NatsLameDuck.Production);
        var (server, file) = cluster.ConfigFiles.First();
        var bare = new Dictionary<string, string>(cluster.ServerEnvironment) { [cluster.Spec.AppPasswordVariable] = password };
        var refused = NatsServerBinary.Check(file, bare);
        Assert.True(refused.ExitCode != 0, $"nats-server took the bare password '{password}'; PasswordVariableValue's quoting may be unnecessary now");
        var quoted = new Dictionary<string, string>(cluster.ServerEnvironment) { [cluster.Spec.AppPasswordVariable] = NatsSuperCluster.PasswordVariableValue(password) };
        var accepted = NatsServerBinary.Check(file, quoted);
        Assert.True(accepted.ExitCode == 0, $"{server}: {accepted.Output}");
    }

    [Fact]
    public void Nats_server_check_is_strict_enough_to_catch_a_broken_file()
    {
        using var cluster = LoopbackSuperCluster.Create(NatsLameDuck.Production);
        var (server, file) = cluster.ConfigFiles.First();
        File.WriteAllText(file, File.ReadAllText(file).Replace("no_advertise: true", "no_advertise: true\n  not_an_option: 1"));
        var result = NatsServerBinary.Check(file, cluster.ServerEnvironment);
        Assert.True(result.ExitCode != 0, $"nats-server -t accepted an unknown option in {server}'s file:\n{result.Output}");
    }
}

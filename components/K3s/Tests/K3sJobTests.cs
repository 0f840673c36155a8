using System.Text.Json.Nodes;
using Infra.Software.K3s;
using Infra.Software.Nomad;
using Infra.Tests.Support;

namespace Infra.Tests.Software;

/// <summary>The k3s jobs pass Nomad's schema (with the docker driver's config) and have the shape embedded etcd needs.</summary>
public class K3sJobTests
{
    private static JsonObject Servers() => K3sJobs.Servers("london", "london", ["api.london.example.net"]);

    [Fact]
    public void Both_jobs_are_valid_Nomad_API_JSON()
    {
        var (ok, output) = SharedValidators.Nomad(new Dictionary<string, string>
        {
            ["k3s-server"] = NomadJson.Render(Servers()),
            ["k3s-agent"] = NomadJson.Render(K3sJobs.Agents("london", "london", 2)),
        });
        Assert.True(ok, output);
    }

    [Fact]
    public void The_validator_rejects_a_misspelt_key_so_the_check_above_means_something()
    {
        var job = Servers();
        job["TaskGroups"]![0]!["Count"] = null;
        job["TaskGroups"]![0]!.AsObject().Remove("Count");
        job["TaskGroups"]![0]!["Cuont"] = 1;
        var (ok, _) = SharedValidators.Nomad(new Dictionary<string, string> { ["typo"] = NomadJson.Render(job) });
        Assert.False(ok);
    }

    [Fact]
    public void Three_servers_on_distinct_k3s_hosts_one_of_them_initialising_the_cluster()
    {
        var job = Servers();
        var groups = job["TaskGroups"]!.AsArray();
        Assert.Equal(3, groups.Sum(g => (int)g!["Count"]!));
        Assert.Contains(job["Constraints"]!.AsArray(), c => (string?)c!["Operand"] == "distinct_hosts");
        Assert.Contains(job["Constraints"]!.AsArray(), c => (string?)c!["RTarget"] == "k3s" && (string?)c["LTarget"] == "${node.class}");
        var args = groups.ToDictionary(g => (string)g!["Name"]!, g => g!["Tasks"]![0]!["Config"]!["args"]!.AsArray().Select(a => (string)a!).ToList());
        Assert.Contains("--cluster-init", args["init"]);
        Assert.DoesNotContain("--cluster-init", args["join"]);
        Assert.Equal(1, (int)groups.Single(g => (string)g!["Name"]! == "init")!["Count"]!);
    }

    [Fact]
    public void The_CAs_are_in_the_tls_directory_before_first_start()
    {
        var task = Servers()["TaskGroups"]![0]!["Tasks"]![0]!;
        var destinations = task["Templates"]!.AsArray().Select(t => (string)t!["DestPath"]!).ToList();
        foreach (var ca in K3sCertificates.All)
        {
            Assert.Contains($"secrets/tls/{ca.CertFile}", destinations);
            Assert.Contains($"secrets/tls/{ca.KeyFile}", destinations);
        }
        Assert.Contains($"secrets/tls:{K3sCertificates.TlsDirectory}", task["Config"]!["volumes"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Every_task_has_a_pinned_image_resources_checks_and_restart_and_reschedule_policies()
    {
        foreach (var job in new[] { Servers(), K3sJobs.Agents("london", "london", 2) })
        foreach (var group in job["TaskGroups"]!.AsArray())
        {
            Assert.NotNull(group!["RestartPolicy"]);
            Assert.NotNull(group["ReschedulePolicy"]);
            Assert.NotEmpty(group["Services"]![0]!["Checks"]!.AsArray());
            var task = group["Tasks"]![0]!;
            Assert.Equal(K3sVersion.Image, (string)task["Config"]!["image"]!);
            Assert.Matches(@":v\d+\.\d+\.\d+-k3s\d+$", (string)task["Config"]!["image"]!);
            Assert.NotNull(task["Resources"]!["CPU"]);
        }
    }
}

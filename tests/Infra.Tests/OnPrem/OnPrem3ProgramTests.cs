using System.Text.RegularExpressions;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>
/// The onprem3 program: the committed snapshot of Pulumi.onprem3.yaml (reviewed like code; UPDATE_SNAPSHOTS=1
/// rewrites it), determinism, one Docker provider per host, and no secret as a literal.
/// </summary>
public sealed partial class OnPrem3ProgramTests
{
    [Fact]
    public void The_onprem3_program_matches_its_reviewed_snapshot() =>
        Snapshot.Match("onprem3.yaml", Synth.Yaml("onprem3"));

    [Fact]
    public void Program_is_byte_identical_across_runs()
    {
        Assert.Equal(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig()), OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig()));
    }

    [Fact]
    public void Each_host_has_its_own_pinned_ssh_docker_provider_and_every_docker_resource_names_one()
    {
        var resources = Resources(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig()));
        var providers = resources.Where(r => Type(r.Value) == "pulumi:providers:docker").ToList();
        Assert.Equal(
            ["ssh://deploy@192.0.2.11:22", "ssh://deploy@192.0.2.12:22", "ssh://deploy@192.0.2.13:22"],
            providers.Select(p => Scalar(p.Value, "properties", "host")).ToList());
        Assert.All(providers, p => Assert.Equal("5.2.0", Scalar(p.Value, "options", "version")));

        foreach (var (name, body) in resources.Where(r => Type(r.Value).StartsWith("docker:", StringComparison.Ordinal)))
        {
            var provider = Scalar(body, "options", "provider");
            var server = name[..name.IndexOf("-", "server-".Length, StringComparison.Ordinal)];
            Assert.Equal($"${{docker-{server}}}", provider);
        }
        // etcd, Patroni, the backup schedule and the app on each of the 3 hosts.
        foreach (var role in new[] { "db-etcd", "db-patroni", "db-backup", "app-server" })
            Assert.Equal(3, resources.Count(r => r.Key.EndsWith(role, StringComparison.Ordinal) && Type(r.Value) == "docker:index/container:Container"));
    }

    [Fact]
    public void No_secret_is_a_literal_and_every_secret_bearing_value_is_wrapped_in_fn_secret()
    {
        var program = OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig());
        // Every password in generated files is a reference to a random password.
        foreach (Match m in PasswordLine().Matches(program))
            Assert.Matches(@"^""?\$\{db-secrets-[a-z-]+\.result\}""?$", m.Groups["value"].Value.Trim());
        // Every line that interpolates a random password sits in an fn::secret value.
        var yaml = new YamlStream();
        yaml.Load(new StringReader(program));
        var leaks = new List<string>();
        FindUnwrapped(yaml.Documents[0].RootNode, insideSecret: false, "", leaks);
        Assert.True(leaks.Count == 0, "Secret references outside fn::secret:\n" + string.Join("\n", leaks));
        Assert.DoesNotContain("@@secret:", program);
    }

    [Fact]
    public void S3_credentials_are_referenced_from_secret_config_never_copied()
    {
        var config = OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null),
            ("infra:backupS3Bucket", "pg-backups"), ("infra:backupS3Endpoint", "minio.example.internal:9000"),
            ("infra:backupS3Region", "us-east-1"),
            ("infra:backupS3AccessKey", "AKIDEXAMPLEVALUE"), ("infra:backupS3SecretKey", "wJalrXUtnFEMIEXAMPLEKEY"));
        var program = OnPrem3Stack.Synthesize(config);
        Assert.DoesNotContain("AKIDEXAMPLEVALUE", program);
        Assert.DoesNotContain("wJalrXUtnFEMIEXAMPLEKEY", program);
        Assert.Contains("repo1-s3-key=${backupS3AccessKey}", program);
        Assert.Contains("repo1-s3-key-secret=${backupS3SecretKey}", program);
        Assert.Matches(@"config:\s+backupS3AccessKey:\s+type: string\s+secret: true", program);
        Assert.DoesNotContain("hostPath", program); // no host directory when the repository is a bucket
    }

    [Fact]
    public void Outputs_give_dns_records_host_roles_and_secret_connection_strings()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig())));
        var outputs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["outputs"];
        var records = ((YamlSequenceNode)outputs["dnsRecords"]).Cast<YamlMappingNode>()
            .Select(r => $"{r["name"]} {r["type"]} {r["value"]}").ToList();
        Assert.Contains("server-2.platform.example.internal A 192.0.2.12", records);
        Assert.Equal(3, records.Count(r => r.StartsWith("api.platform.example.internal A ", StringComparison.Ordinal)));
        Assert.Equal(3, ((YamlMappingNode)outputs["hostRoles"]).Children.Count);
        foreach (var (_, value) in (YamlMappingNode)outputs["dbConnectionStrings"])
        {
            var secret = ((YamlMappingNode)value)["fn::secret"].ToString();
            Assert.Matches(@"^postgresql://app:\$\{db-secrets-app\.result\}@192\.0\.2\.11:5432,192\.0\.2\.12:5432,192\.0\.2\.13:5432/[a-z_]+\?target_session_attrs=read-write", secret);
        }
    }

    private static void FindUnwrapped(YamlNode node, bool insideSecret, string path, List<string> leaks)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key.ToString();
                    // Outputs of a random password are secret already; a bare reference needs no wrapper.
                    FindUnwrapped(value, insideSecret || name == "fn::secret", $"{path}/{name}", leaks);
                }
                break;
            case YamlSequenceNode list:
                var i = 0;
                foreach (var item in list) FindUnwrapped(item, insideSecret, $"{path}[{i++}]", leaks);
                break;
            case YamlScalarNode scalar when !insideSecret && scalar.Value is { } text && SecretReference().IsMatch(text)
                                            && !BareReference().IsMatch(text):
                leaks.Add($"{path}: {text[..Math.Min(80, text.Length)]}");
                break;
        }
    }

    private static List<KeyValuePair<string, YamlMappingNode>> Resources(string program)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(program));
        var resources = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["resources"];
        return resources.Children.Select(c => KeyValuePair.Create(c.Key.ToString(), (YamlMappingNode)c.Value)).ToList();
    }

    private static string Type(YamlMappingNode resource) => resource["type"].ToString();

    private static string? Scalar(YamlMappingNode resource, string section, string key) =>
        resource.Children.TryGetValue(section, out var s) && s is YamlMappingNode map && map.Children.TryGetValue(key, out var v)
            ? v.ToString()
            : null;

    [GeneratedRegex(@"^\s*password:\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"\$\{db-secrets-[a-z-]+\.result\}")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"^\$\{[a-z0-9-]+\.result\}$")]
    private static partial Regex BareReference();
}

namespace Infra.Tests.Configuration;

/// <summary>
/// Pulumi hands the compiler decrypted secrets in PULUMI_CONFIG, does not say which keys are secret (the
/// pulumi-yaml language host keeps ConfigSecretKeys to itself), and shows the compiler's stderr in job
/// logs and PR comments. So no error may print a value unless the suite declares its key non-secret. A
/// canary value goes through every bad-config path and must appear nowhere in stdout or stderr.
/// </summary>
public class SecretCanaryTests
{
    private const string Canary = "CANARY-s3cr3t-7f3a9c";

    /// <summary>Every way a value that may be secret reaches an error path.</summary>
    public static IReadOnlyList<BadConfigCase> Paths { get; } =
    [
        new("unknown infra key in the stack file", "laptop", $"config:\n  infra:cloudflareApiTokn: {Canary}\n", ["infra:cloudflareApiTokn", "is not a known key"]),
        new("unknown infra key in PULUMI_CONFIG", "laptop", null, ["infra:cloudflareApiTokn", "is not a known key"],
            PulumiConfig: $$"""{"infra:cloudflareApiTokn":"{{Canary}}"}"""),
        new("secret key of another tier", "laptop", null, ["infra:backupS3SecretKey", "is not used by tier laptop"],
            PulumiConfig: $$"""{"infra:backupS3SecretKey":"{{Canary}}"}"""),
        new("unknown namespace", "laptop", null, ["infar:dbPassword", "namespace 'infar'"], PulumiConfig: $$"""{"infar:dbPassword":"{{Canary}}"}"""),
        new("key without a namespace", "laptop", null, ["dbPassword", "has no namespace"], PulumiConfig: $$"""{"dbPassword":"{{Canary}}"}"""),
        new("key at the top level of the stack file", "laptop", $"infra:dbPassword: {Canary}\n", ["infra:dbPassword", "move it under `config:`"]),
        new("duplicate key", "laptop", null, ["infra:owner", "is given more than once"],
            PulumiConfig: $$"""{"infra:owner":"{{Canary}}","infra:owner":"{{Canary}}"}"""),
        new("JSON value with a duplicate key", "laptop", null, ["token", "gives one key twice"],
            PulumiConfig: $$$"""{"token":{"a":"{{{Canary}}}","a":"{{{Canary}}}"}}"""),
        new("PULUMI_CONFIG broken after the canary", "laptop", null, ["PULUMI_CONFIG", "is not valid JSON"],
            PulumiConfig: $$"""{"infra:apiToken":"{{Canary}}", nope"""),
        new("PULUMI_CONFIG broken inside the canary", "laptop", null, ["PULUMI_CONFIG", "is not valid JSON"],
            PulumiConfig: $$"""{"infra:apiToken":"{{Canary}}"""),
        new("stack file broken inside the canary", "laptop", $"config:\n  infra:apiToken: \"{Canary}\n  infra:owner: [\n", ["is not valid YAML"]),
        new("secret in plain text in the stack file", "onprem3",
            BadConfigCorpus.OnPrem3 + "  infra:backupRepoType: s3\n  infra:backupS3Bucket: pg-backups\n  infra:backupS3Endpoint: s3.eu-west-1.amazonaws.com\n" +
            $"  infra:backupS3Region: eu-west-1\n  infra:backupS3AccessKey: {Canary}\n  infra:backupS3SecretKey: {Canary}\n",
            ["infra:backupS3SecretKey", "holds a secret in plain text"]),
        new("secret set where it is not used", "onprem3", null, ["infra:backupS3AccessKey", "is only used when infra:backupRepoType is s3"],
            PulumiConfig: $$"""{"infra:hosts":"[\"10.20.0.11\",\"10.20.0.12\",\"10.20.0.13\"]","infra:sshUser":"deploy","infra:backupS3AccessKey":"{{Canary}}"}"""),
        new("control character in an unknown key", "laptop", null, ["infra:tokn", "is not a known key"],
            PulumiConfig: $$"""{"infra:tokn":"{{Canary}}\n"}"""),
        new("unknown tier with a canary beside it", "dev-bob", null, ["infra:tier: is not set", "infar:tier"],
            PulumiConfig: $$"""{"infar:tier":"{{Canary}}"}"""),
        new("ciphertext on a non-secret key", "laptop", $"config:\n  infra:owner:\n    secure: {Canary}\n", ["infra:owner", "is stored as a secret"]),
        new("invalid stack name with a canary in its config", "a b", null, ["Invalid stack name"],
            PulumiConfig: $$"""{"infra:apiToken":"{{Canary}}"}"""),
    ];

    private static BadConfigCase PathNamed(string name) => Paths.Single(p => p.Name == name);

    /// <summary>
    /// Every path through synth; plan and policy (which share its config reading) for one path per loader.
    /// Rows are names (strings serialize, so each row is its own test case).
    /// </summary>
    public static TheoryData<string, string> PathsByCommand()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Paths) data.Add(path.Name, "synth");
        foreach (var name in new[] { "unknown infra key in the stack file", "unknown infra key in PULUMI_CONFIG", "duplicate key", "secret set where it is not used" })
            foreach (var command in new[] { "plan", "policy" }) data.Add(name, command);
        return data;
    }

    /// <summary>The corpus cases that have somewhere to put the canary (a stack file or a JSON PULUMI_CONFIG).</summary>
    public static TheoryData<string> CorpusWithCanary() =>
        new(BadConfigCorpus.All.Where(c => BadConfigCorpus.WithCanary(c, Canary) != c).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(PathsByCommand))]
    public void A_value_that_may_be_secret_is_never_printed(string name, string command)
    {
        var path = PathNamed(name);
        var result = BadConfigTests.Run(path, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        foreach (var fragment in path.Expected) Assert.Contains(fragment, result.Stderr);
        Assert.DoesNotContain(Canary, result.Stderr);
    }

    /// <summary>
    /// Every case of the corpus, with the canary in every key that may hold a secret. In-process: the
    /// message checked is exactly what `infra` prints after "error: " (CliContext.Run), and the
    /// paths above check the real process's stdout and stderr.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusWithCanary))]
    public void Every_bad_config_case_keeps_a_canary_in_keys_that_may_be_secret_out_of_its_message(string name) =>
        Assert.DoesNotContain(Canary, BadConfigInProcessTests.Refusal(BadConfigCorpus.WithCanary(BadConfigCorpus.Named(name), Canary)));

    [Fact]
    public void The_canary_paths_fail_in_process_without_the_canary()
    {
        foreach (var path in Paths)
        {
            var message = BadConfigInProcessTests.Refusal(path);
            foreach (var fragment in path.Expected) Assert.Contains(fragment, message);
            Assert.DoesNotContain(Canary, message);
        }
    }
}

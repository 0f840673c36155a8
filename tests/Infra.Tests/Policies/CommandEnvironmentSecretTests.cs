using Infra.Policies.Inspection;
using Infra.Providers;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// HYG-007 on a command's environment (the global tier's readiness gates pass a token and a client key there): a
/// variable named like a secret is wrapped in fn::secret, literal or not; other variables (the token's header name,
/// a CA certificate) are not secrets.
/// </summary>
public sealed class CommandEnvironmentSecretTests
{
    /// <summary>The shared fixture, plus the command and tls providers these resources need.</summary>
    private static PolicyFixture Fixture()
    {
        var f = new PolicyFixture();
        foreach (var package in new[] { "command", "tls" })
            f.Blueprint.UseProvider(new ProviderResource(f.Blueprint, $"{package}-provider", package, PinnedProviders.VersionOf(package)));
        return f;
    }

    [Fact]
    public void A_secret_variable_in_a_commands_environment_must_be_wrapped()
    {
        var literal = Fixture();
        literal.Add("gate", Tokens.LocalCommand, ("environment", Obj(("READY_TOKEN", "0f1e2d3c"), ("READY_TOKEN_HEADER", "X-Nomad-Token"))));
        literal.AssertOne("HYG-007", "gate", "sets READY_TOKEN to a literal in its environment");

        var unwrapped = Fixture();
        var token = unwrapped.Add("token", "random:index/randomUuid:RandomUuid");
        var key = unwrapped.Add("key", "tls:index/privateKey:PrivateKey", ("algorithm", "ECDSA"));
        unwrapped.Add("gate", Tokens.LocalCommand, ("environment", Obj(
            ("READY_TOKEN", new FunctionCall("fn::secret", Ref(token, "result"))),
            ("READY_CLIENT_KEY_PEM", Ref(key, "privateKeyPem")))));
        unwrapped.AssertOne("HYG-007", "gate", "passes READY_CLIENT_KEY_PEM in its environment without fn::secret");
    }

    [Fact]
    public void Wrapped_secrets_and_variables_that_are_not_secrets_pass()
    {
        var f = Fixture();
        var token = f.Add("token", "random:index/randomUuid:RandomUuid");
        var ca = f.Add("ca", "tls:index/selfSignedCert:SelfSignedCert");
        f.Add("gate", Tokens.LocalCommand, ("environment", Obj(
            ("READY_TOKEN", new FunctionCall("fn::secret", Ref(token, "result"))),
            ("READY_TOKEN_HEADER", "X-Nomad-Token"),
            ("READY_CA_PEM", Ref(ca, "certPem")))));
        f.Add("remote", Tokens.RemoteCommand, ("environment", Obj(("PGPASSWORD", new FunctionCall("fn::secret", Ref(token, "result"))))));
        f.AssertNone("HYG-007");
    }
}

using Infra.Platform.Database;
using Infra.Synthesis;
using static Infra.Providers.Generated.Random;

namespace Infra.Constructs.OnPrem;

/// <summary>
/// The database cluster's passwords, each a <c>random</c> password kept secret in the stack state,
/// and the bindings that put them into generated configuration. Letters and digits only: the values
/// land in a URI, a SQL literal and YAML without escaping.
/// </summary>
public sealed class DatabaseSecrets : Component
{
    public ClusterCredentials Credentials { get; } = ClusterCredentials.Placeholders();
    public SecretBindings Bindings { get; } = new();
    public RandomPassword AppPassword { get; }

    public DatabaseSecrets(Scope scope, string id) : base(scope, id)
    {
        // The credentials are peers: none stands for the set.
        DeclareNoAnchor();
        _ = Password("superuser", Credentials.SuperuserPassword);
        _ = Password("replication", Credentials.ReplicationPassword);
        _ = Password("rewind", Credentials.RewindPassword);
        AppPassword = Password("app", Credentials.AppPassword);
        _ = Password("patroni-rest", Credentials.PatroniRestPassword);
    }

    private RandomPassword Password(string id, Credential placeholder)
    {
        var password = new RandomPassword(this, id, new RandomPasswordArgs { Length = 32, Special = false });
        Bindings.Bind(placeholder.PlaceholderKey!, password.Result);
        return password;
    }
}

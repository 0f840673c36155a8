using Infra.Synthesis;
using static Infra.Providers.Generated.Random;

namespace Infra.Stacks.Global;

/// <summary>
/// What every region's NATS servers share, made once for the tier and kept in its state: the CA that signs each
/// region's server certificate (gateways between regions verify each other by it, so it is one for the tier, never one
/// per region), and the passwords of the app account's user and the system account's user. Letters and digits only:
/// they reach nats-server quoted (<see cref="Infra.Nats.NatsSuperCluster.PasswordVariableValue"/>) and the
/// platform as they are.
/// </summary>
public sealed class NatsSecrets : Component
{
    public CertificateAuthority Ca { get; }
    public RandomPassword AppPassword { get; }
    public RandomPassword SystemPassword { get; }

    public NatsSecrets(Scope scope, string id, string stack) : base(scope, id)
    {
        DeclareNoAnchor();
        Ca = new CertificateAuthority(this, "ca", $"{stack} NATS CA");
        AppPassword = new RandomPassword(this, "app-password", new RandomPasswordArgs { Length = 32, Special = false });
        SystemPassword = new RandomPassword(this, "sys-password", new RandomPasswordArgs { Length = 32, Special = false });
    }
}

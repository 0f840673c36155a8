namespace Infra.Software.Nomad;

/// <summary>
/// The two kinds of Nomad client. Only the k3s class may run privileged containers: k3s (its servers and
/// agents) needs them; everything else runs unprivileged on the worker class.
/// </summary>
public enum NodeClass { K3s, Worker }

public static class NodeClassNames
{
    public static string Name(this NodeClass nodeClass) => nodeClass switch
    {
        NodeClass.K3s => "k3s",
        _ => "worker",
    };
}

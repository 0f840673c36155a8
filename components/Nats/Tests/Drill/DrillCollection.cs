namespace Infra.Nats.Tests.Drill;

/// <summary>
/// The drill measures failover and failed requests against bounds; xUnit runs it alone, after the other tests of
/// the project, so the loopback servers that those tests start do not share the machine with it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DrillCollection
{
    public const string Name = "NATS drill, run alone";
}

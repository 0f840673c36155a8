using NATS.Client.Core;

namespace Infra.Nats.Client;

/// <summary>
/// What a client does on its connection (serve a queue group, send requests, publish to JetStream), in a
/// form <see cref="RegionalClient"/> can move from one connection to another without losing work:
/// attach to the new connection first, then detach from the old one, which finishes what is in flight.
/// </summary>
public interface IRegionalRole
{
    /// <summary>
    /// Start working on <paramref name="connection"/> (subscribe, or send new work there). The token ends with the
    /// client; do not tie a subscription's life to it (that drops messages in flight): <see cref="DetachAsync"/> ends it.
    /// </summary>
    Task AttachAsync(NatsConnection connection, CancellationToken cancellationToken);

    /// <summary>Stop taking new work on <paramref name="connection"/> and finish what is in flight on it (drain subscriptions, await replies and acks).</summary>
    Task DetachAsync(NatsConnection connection);
}

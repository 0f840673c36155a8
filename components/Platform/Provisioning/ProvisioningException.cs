namespace Infra.Platform.Provisioning;

/// <summary>
/// Server provisioning input that cannot produce a working server (no Services, a bad checksum, a node
/// missing from its own peer list). The message says what, where, and how to fix it.
/// </summary>
public sealed class ProvisioningException(string message) : Exception(message);

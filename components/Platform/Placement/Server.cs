using Infra.Platform.Services;

namespace Infra.Platform.Placement;

/// <summary>
/// One server of a tier: its name, its position (also its RAFT node id, from 1), the Services it
/// runs and, where the tier has them, its zone and fixed address.
/// </summary>
public sealed record Server(string Name, int Ordinal, ServiceSet Services, string? Zone = null, string? Address = null);

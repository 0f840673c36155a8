namespace Infra.Platform.Provisioning;

/// <summary>One line of a peer table as read back (<see cref="PeerTable.Parse"/>); <see cref="Fields"/> is 4 when well-formed.</summary>
public sealed record PeerTableRow(int Line, string NodeId, string Name, string Address, IReadOnlyList<string> Services, int Fields);

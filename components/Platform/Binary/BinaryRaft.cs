namespace Infra.Platform.Binary;

/// <summary>The binary's own RAFT store: where it listens, the file listing every member, and its data directory.</summary>
public sealed record BinaryRaft(string Address, string PeersFile, string DataDirectory);

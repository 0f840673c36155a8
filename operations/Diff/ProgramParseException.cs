namespace Infra.Operations.Diff;

/// <summary>A program text that is not a Pulumi YAML program; the message says which side and where.</summary>
public sealed class ProgramParseException(string message, Exception? inner = null) : Exception(message, inner);

namespace Infra.Operations.Diff;

/// <summary>The base program could not be produced (git ref, build or synth failed); the message says how to fix it.</summary>
public sealed class BaseProgramException(string message) : Exception(message);

namespace Infra.Synthesis;

/// <summary>
/// A program that cannot be synthesized: a name collision, an invalid name, a missing provider.
/// The message says what is wrong, where, and how to fix it; the CLI prints it and exits non-zero.
/// </summary>
public class SynthesisException(string message) : Exception(message);

namespace Infra.Operations;

/// <summary>Produces the Pulumi YAML program of one stack; implemented by the CLI over the synthesis core.</summary>
public interface ISynthesizer
{
    /// <param name="projectRoot">The folder holding Pulumi.yaml.</param>
    /// <returns>The complete program text, exactly what <c>infra synth STACK</c> prints.</returns>
    string Synthesize(string projectRoot, string stack);
}

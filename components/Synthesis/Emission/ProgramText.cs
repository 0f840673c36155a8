namespace Infra.Synthesis.Emission;

/// <summary>
/// A written program, held in the chunks it was written in. <see cref="WriteTo"/> copies it out without building
/// one string of it: a program of a few megabytes would otherwise land in the large-object heap twice.
/// </summary>
public sealed class ProgramText
{
    private readonly BlockYamlWriter yaml;

    internal ProgramText(BlockYamlWriter yaml) => this.yaml = yaml;

    /// <summary>Its length in characters.</summary>
    public int Length => yaml.Length;

    public void WriteTo(TextWriter writer) => yaml.WriteTo(writer);

    public override string ToString() => yaml.ToString();
}

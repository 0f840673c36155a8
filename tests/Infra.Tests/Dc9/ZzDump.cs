namespace Infra.Tests.Dc9;
public class ZzDump { [Fact] public void Dump() => File.WriteAllText("/tmp/dc9.yaml", Dc9Synth.Yaml()); }

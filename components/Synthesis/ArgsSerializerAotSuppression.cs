using System.Diagnostics.CodeAnalysis;

// PENDING the providers merge (issue 10 §1), which deletes ArgsSerializer with the hand-written provider
// classes it serves; delete this file with it. Until then its reflection over hand-written args is the one
// trim warning left in the compiler, and the CLI roots Infra.Providers (cli/Infra.Cli.csproj) so that the
// native build keeps those types' properties.
[assembly: UnconditionalSuppressMessage("Trimming", "IL2070",
    Scope = "member", Target = "M:Infra.Synthesis.ArgsSerializer.Describe(System.Type)",
    Justification = "Pending the providers merge: the hand-written args types are rooted by the CLI until they are deleted.")]

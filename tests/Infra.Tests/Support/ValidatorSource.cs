namespace Infra.Tests.Support;

/// <summary>
/// Where the tests find the offline validators (Envoy, Nomad): <c>../shared/validators</c> (the reference)
/// when it sits beside the repository, else the copy the repository carries in <c>tests/validators</c>, so a
/// clone on its own (e.g. on GitHub) runs the same checks. <c>INFRA_TEST_VALIDATORS=repo</c> forces the copy;
/// a drift test keeps the copy equal to the reference wherever both are present.
/// </summary>
public sealed record ValidatorSource(string Directory, bool IsCopy)
{
    public const string ModeVariable = "INFRA_TEST_VALIDATORS";

    public static string CopyDirectory => Path.Combine(RepoPaths.Root, "tests", "validators");

    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "validators"));

    public static ValidatorSource Locate()
    {
        var forceCopy = Environment.GetEnvironmentVariable(ModeVariable) == "repo";
        if (!forceCopy && System.IO.Directory.Exists(SharedDirectory)) return new ValidatorSource(SharedDirectory, IsCopy: false);
        if (System.IO.Directory.Exists(CopyDirectory)) return new ValidatorSource(CopyDirectory, IsCopy: true);
        throw new InvalidOperationException(
            $"VALIDATORS MISSING: neither {SharedDirectory} nor the repository's copy {CopyDirectory} exists; the Envoy and Nomad " +
            "configuration cannot be checked. Restore tests/validators from git (or put ../shared/validators beside the repository).");
    }

    /// <summary>A file of the located validators, e.g. <c>nomad/nomadcheck.py</c>; throws naming it when absent.</summary>
    public static string File(string relative)
    {
        var source = Locate();
        var path = Path.Combine(source.Directory, relative);
        if (!System.IO.File.Exists(path))
            throw new InvalidOperationException($"VALIDATORS MISSING: {path} does not exist" + (source.IsCopy ? " in the repository's copy; copy it from ../shared/validators." : "."));
        return path;
    }
}

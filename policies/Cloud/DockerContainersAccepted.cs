using System.Globalization;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-015: Docker containers and images are created with settings the engine accepts: a memory limit
/// of at least 6 MB, port numbers 1-65535, and image references that parse (the distribution grammar).
/// </summary>
public sealed class DockerContainersAccepted : ResourcePolicy
{
    public override string Id => "CLD-015";
    public override string Title => "Docker memory limits, ports and image references are ones the engine accepts";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Type is Tokens.DockerContainer or Tokens.DockerRemoteImage;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var imageProperty = resource.Type == Tokens.DockerRemoteImage ? "name" : "image";
        if (Props.String(resource, imageProperty) is { } image && ImageReferenceGrammar.Problem(image) is { } imageProblem)
            yield return Violation(resource.Name, imageProperty, $"'{image}' {imageProblem}: the pull fails.", DockerRules.ImageSource,
                "write the image as [registry/]lower-case/path:tag or path@sha256:digest.");
        if (resource.Type != Tokens.DockerContainer) yield break;

        if (Props.Number(Props.Get(resource, "memory")) is { } memory && memory < DockerRules.MinMemoryMb)
            yield return Violation(resource.Name, "memory", $"is {N(memory)} MB; the engine's minimum is {DockerRules.MinMemoryMb} MB.",
                DockerRules.MemorySource, $"set at least {DockerRules.MinMemoryMb} MB (the provider's unit is MB).");

        var ports = Props.List(resource, "ports");
        for (var i = 0; i < ports.Count; i++)
        foreach (var side in new[] { "internal", "external" })
            if (Props.Number(Props.Get(ports[i], side)) is { } port && port is < 1 or > 65535)
                yield return Violation(resource.Name, $"ports[{i}].{side}", $"is {N(port)}, not a port number.", DockerRules.PortSource,
                    "use a port from 1 to 65535.");
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}

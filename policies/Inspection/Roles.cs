using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>
/// The role of a resource, by convention: the bastion is the resource whose logical name or
/// <c>role</c> tag says <c>bastion</c>. It alone may take SSH from outside the network.
/// </summary>
public static class Roles
{
    public const string Bastion = "bastion";

    public static bool IsBastion(Resource resource) =>
        resource.Name.Contains(Bastion, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Taggable.Tags(resource).GetValueOrDefault("role"), Bastion, StringComparison.OrdinalIgnoreCase);
}

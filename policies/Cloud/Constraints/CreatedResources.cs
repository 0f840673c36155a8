using Infra.Synthesis;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The resources a deploy creates through a provider's API: not provider resources, not reads of
/// existing resources (<c>get:</c>), not imports. Only their create calls can be rejected.
/// </summary>
public static class CreatedResources
{
    public static bool Is(Resource resource) =>
        !resource.IsProvider && resource.Get is null && resource.Options.Import is null;
}

using Infra.Tests.SchemaConformance;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// A test that compares the repository with ../shared/schemas. Where that folder is absent (a clone on
/// its own, e.g. on GitHub) it is reported as skipped with the reason, never silently passed.
/// </summary>
public sealed class RequiresSharedSchemasFactAttribute : FactAttribute
{
    public RequiresSharedSchemasFactAttribute()
    {
        if (!Directory.Exists(SchemaSource.SharedDirectory()))
            Skip = "../shared/schemas is not beside the repository, so the committed schema subset " +
                   "(components/Providers/Schemas) cannot be compared with the reference here; it is compared " +
                   "wherever ../shared is present (locally and in CI).";
    }
}

using Infra.Platform.Configuration;

namespace Infra.Operations.Deploy;

/// <summary>
/// Refuses to destroy a production stack unless the caller passes <c>--force</c> and types the stack
/// name again with <c>--confirm</c>: CI has no stdin to ask, and one flag alone is too easy to paste.
/// </summary>
public static class DestroyGuard
{
    /// <returns>Null when allowed; otherwise what is wrong and the exact command that would proceed.</returns>
    public static string? Check(string stack, DeploymentEnvironment environment, bool force, string? confirmStack)
    {
        if (environment != DeploymentEnvironment.Production) return null;
        if (force && string.Equals(confirmStack, stack, StringComparison.Ordinal)) return null;

        var problem = (force, confirmStack) switch
        {
            (false, _) => "--force is missing",
            (true, null) => "--confirm is missing",
            _ => $"--confirm '{confirmStack}' does not match the stack name",
        };
        return $"Refusing to destroy production stack '{stack}' ({problem}). Destroying it deletes its data. " +
               $"If you really mean it, run: infra destroy {stack} --force --confirm {stack}";
    }
}

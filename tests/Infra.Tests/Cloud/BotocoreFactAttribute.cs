namespace Infra.Tests.Cloud;

/// <summary>
/// A test that needs botocore's models. Without them it is skipped, and both its skip reason and its
/// displayed name say what was not checked and how to run it, so the skip is never silent.
/// </summary>
public sealed class BotocoreFactAttribute : FactAttribute
{
    public BotocoreFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Botocore.Variable) is not { Length: > 0 } && !Directory.Exists(Botocore.DebianData))
        {
            Skip = Botocore.NotFoundMessage;
            // dotnet test prints a skipped test's name, not its reason, at the default verbosity: the name says it too.
            DisplayName = Botocore.NotFoundMessage;
        }
    }
}

namespace Infra.Tests.Cloud;

/// <summary>A test that needs botocore's models: skipped, with a message saying what was not checked, when they are not installed.</summary>
public sealed class BotocoreFactAttribute : FactAttribute
{
    public BotocoreFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Botocore.Variable) is not { Length: > 0 } && !Directory.Exists(Botocore.DebianData))
            Skip = Botocore.NotFoundMessage;
    }
}

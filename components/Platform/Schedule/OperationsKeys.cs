using System.Globalization;
using Infra.Platform.Configuration;

namespace Infra.Platform.Schedule;

/// <summary>
/// The keys CI acts on (<c>infra:schedule</c>, <c>infra:expiresOn</c>, <c>infra:deployOnPush</c>), bound at synthesis by the very
/// declarations <c>infra schedule</c> binds: a bad schedule fails `infra plan` and the pull request, not the
/// hourly workflow after it is merged.
/// </summary>
public static class OperationsKeys
{
    public static readonly ConfigKey<string?> ExpiresOn = new("expiresOn",
        ConfigShapes.Text("a date YYYY-MM-DD; not for production", v =>
            DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "is not a date YYYY-MM-DD.")!,
        null, "A TTL: from 00:00 that day, in the schedule's time zone or UTC, the hourly run destroys the dev stack unless a " +
              "hold is active (operations/README.md); also the expiry tag on its resources.")
    {
        DefaultText = "none (the tag weekend-teardown)",
    };

    /// <summary>The keys the operations commands read from a stack file.</summary>
    public static readonly IReadOnlyList<ConfigKey> All = [CommonKeys.Tier, CommonKeys.Environment, CommonKeys.Schedule, CommonKeys.DeployOnPush, ExpiresOn];

    /// <summary>The parsed value of <see cref="ExpiresOn"/>, which its shape has checked.</summary>
    public static DateOnly? ExpiryDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Validate(ConfigReader config)
    {
        var keys = config.Keys.ToHashSet();
        if (keys.Contains(CommonKeys.DeployOnPush)) config.Get(CommonKeys.DeployOnPush);
        if (keys.Contains(CommonKeys.Schedule)) config.Get(CommonKeys.Schedule);
    }
}

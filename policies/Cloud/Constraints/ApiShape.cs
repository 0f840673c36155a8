using System.Globalization;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// What an AWS API model states about one shape: its type and, where the model says so, the minimum
/// and maximum (length of a string, size of a list or map, value of a number) and the pattern a
/// string must match. Taken as data from the committed extract of botocore's models.
/// </summary>
public sealed record ApiShape(string Service, string Version, string Name, string Type, long? Min, long? Max, string? Pattern)
{
    public ShapeId Id => new(Service, Name);

    /// <summary>The rule's source, as violations name it.</summary>
    public string Source => $"AWS API model {Service} {Version}, shape {Name} ({AwsApiModel.Origin})";

    /// <summary>The shape as a rule on text: its length bounds and its pattern (matched in full, as the services do).</summary>
    public TextRule Text(string what) => new(what, Source)
    {
        MinLength = (int?)Min,
        MaxLength = (int?)Max,
        Pattern = Pattern,
    };

    /// <summary>Whether a number is within the shape's bounds; null when it is, else the problem.</summary>
    public string? RangeProblem(double value)
    {
        if (Min is { } min && value < min) return $"is {Number(value)}, below the minimum of {min}";
        if (Max is { } max && value > max) return $"is {Number(value)}, above the maximum of {max}";
        return null;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}

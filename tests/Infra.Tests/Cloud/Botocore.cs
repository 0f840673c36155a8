using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Policies.Cloud.Constraints;

namespace Infra.Tests.Cloud;

/// <summary>
/// The AWS API models of an installed botocore (Debian's python3-botocore by default): where they are,
/// which version, and what a model says about one shape. Set BOTOCORE_DATA to another
/// <c>botocore/data</c> directory to use that one; when it is set it must exist.
/// </summary>
public static partial class Botocore
{
    public const string DebianData = "/usr/lib/python3/dist-packages/botocore/data";
    public const string Variable = "BOTOCORE_DATA";

    /// <summary>The models directory, or null when no botocore is installed (and BOTOCORE_DATA is not set).</summary>
    public static string? DataDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
                return Directory.Exists(configured)
                    ? configured
                    : throw new InvalidOperationException($"{Variable}={configured} is not a directory; point it at botocore's data directory or unset it.");
            return Directory.Exists(DebianData) ? DebianData : null;
        }
    }

    public static string NotFoundMessage =>
        $"BOTOCORE MODELS NOT FOUND: {DebianData} does not exist and {Variable} is not set, so the committed extract " +
        $"{AwsApiModel.RepositoryPath} was NOT compared with the AWS API models. Install python3-botocore " +
        $"(apt-get install python3-botocore) or set {Variable} to a botocore/data directory to run this check.";

    /// <summary>The installed botocore's version, e.g. <c>1.29.27</c>.</summary>
    public static string Version(string dataDirectory)
    {
        var init = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "__init__.py");
        var match = File.Exists(init) ? VersionLine().Match(File.ReadAllText(init)) : Match.Empty;
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    /// <summary>What the newest model of <paramref name="id"/>'s service says about the shape.</summary>
    public static ApiShape Shape(string dataDirectory, ShapeId id)
    {
        var (version, model) = Model(dataDirectory, id.Service);
        if (model["shapes"]?[id.Name] is not JsonObject shape)
            throw new InvalidOperationException($"botocore's {id.Service} {version} model has no shape {id.Name}; update AwsApiShapes.");
        return new ApiShape(id.Service, version, id.Name, (string)shape["type"]!,
            (long?)shape["min"], (long?)shape["max"], (string?)shape["pattern"]);
    }

    private static readonly Dictionary<(string, string), (string, JsonNode)> Models = [];

    private static (string Version, JsonNode Model) Model(string dataDirectory, string service)
    {
        lock (Models)
        {
            if (Models.TryGetValue((dataDirectory, service), out var cached)) return cached;
            var serviceDirectory = Path.Combine(dataDirectory, service);
            // botocore loads the newest API version of a service: the last directory in date order.
            var version = Directory.GetDirectories(serviceDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;
            var file = Path.Combine(serviceDirectory, version, "service-2.json");
            using var stream = File.Exists(file)
                ? (Stream)File.OpenRead(file)
                : new GZipStream(File.OpenRead(file + ".gz"), CompressionMode.Decompress);
            var model = JsonNode.Parse(stream)!;
            return Models[(dataDirectory, service)] = (version, model);
        }
    }

    [GeneratedRegex(@"__version__\s*=\s*['""]([^'""]+)['""]")]
    private static partial Regex VersionLine();
}

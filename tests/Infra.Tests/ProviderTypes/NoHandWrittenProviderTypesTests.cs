using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// The provider layer is generated: no hand-written resource, provider or args class is left in
/// components/Providers (overlays only add members to generated partial classes), and nothing in the
/// layer's assembly calls the reflection API at run time (serialization is generated code).
/// </summary>
public sealed partial class NoHandWrittenProviderTypesTests
{
    private static string ProvidersFolder => Path.Combine(RepoPaths.Root, "components", "Providers");

    /// <summary>A class that derives from one of the provider base types, declared without <c>partial</c>.</summary>
    [GeneratedRegex(@"^\s*(public|internal)?\s*(sealed\s+|abstract\s+)?class\s+\w+[^{;]*:\s*(global::Infra\.Synthesis\.)?(Resource|ProviderResource|Args)\b", RegexOptions.Multiline)]
    private static partial Regex NonPartialProviderClass();

    [Fact]
    public void Components_Providers_declares_no_resource_provider_or_args_class_by_hand()
    {
        var generated = Path.Combine(ProvidersFolder, "Generated") + Path.DirectorySeparatorChar;
        var handWritten = Directory.EnumerateFiles(ProvidersFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(generated, StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(handWritten); // the overlays, PinnedProviders, ArgsWriter: the check looks at real files
        var offenders = handWritten
            .Where(f => NonPartialProviderClass().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Hand-written provider classes (add the token to components/Providers/allow-list.txt and regenerate instead):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_hand_written_resource_class()
    {
        Assert.Matches(NonPartialProviderClass(), "public sealed class Bucket(Scope scope, string id, BucketArgs args)\n    : Resource(scope, id, Token, args)\n{");
        Assert.Matches(NonPartialProviderClass(), "public sealed class BucketArgs : Args\n{");
        Assert.DoesNotMatch(NonPartialProviderClass(), "        public sealed partial class Certificate\n        {");
    }

    [Fact]
    public void Every_args_type_of_the_provider_assembly_serializes_itself()
    {
        var assembly = typeof(Infra.Providers.PinnedProviders).Assembly;
        var notGenerated = assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Args)) || t.IsSubclassOf(typeof(Resource)))
            .Where(t => t.Namespace?.StartsWith("Infra.Providers.Generated", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(notGenerated);
    }

    [Fact]
    public void The_provider_assembly_calls_no_reflection_api()
    {
        var used = ReflectionUse(typeof(Infra.Providers.PinnedProviders).Assembly.Location);
        Assert.True(used.Count == 0, "The provider layer uses reflection: " + string.Join(", ", used));
    }

    [Fact]
    public void The_synthesis_core_reads_no_properties_by_reflection()
    {
        // Args serialize themselves (generated code); the core never walks an object's properties.
        var used = ReflectionUse(typeof(Args).Assembly.Location)
            .Where(u => u.Contains("PropertyInfo", StringComparison.Ordinal) || u.Contains("GetPropert", StringComparison.Ordinal)
                        || u.StartsWith("System.Activator", StringComparison.Ordinal))
            .ToList();
        Assert.True(used.Count == 0, "The synthesis core reads properties by reflection: " + string.Join(", ", used));
    }

    /// <summary>The reflection types and <c>Type.Get*</c>/<c>Activator</c> calls an assembly's metadata references.</summary>
    private static SortedSet<string> ReflectionUse(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            var ns = reader.GetString(type.Namespace);
            var name = reader.GetString(type.Name);
            if (ns.StartsWith("System.Reflection", StringComparison.Ordinal) && !IsCompilerAttribute(name)) used.Add($"{ns}.{name}");
        }
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var parent = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
            var owner = $"{reader.GetString(parent.Namespace)}.{reader.GetString(parent.Name)}";
            var name = reader.GetString(member.Name);
            if ((owner == "System.Type" && name.StartsWith("Get", StringComparison.Ordinal) && name != "GetTypeFromHandle")
                || owner == "System.Activator")
                used.Add($"{owner}.{name}");
        }
        return used;
    }

    /// <summary>Attributes the compiler itself emits into every assembly (version, metadata); no calls.</summary>
    private static bool IsCompilerAttribute(string name) => name.EndsWith("Attribute", StringComparison.Ordinal);
}

namespace Infra.Tools.ProviderGen;

/// <summary>A schema property and the C# member name it gets.</summary>
public sealed record Member(SchemaProperty Property, string Name);

public sealed record ResourceModel(ResourceSpec Spec, Naming.Placement Place, string ArgsName, IReadOnlyList<Member> Inputs, IReadOnlyList<Member> Outputs);

public sealed record ProviderModel(ProviderSpec Spec, Naming.Placement Place, string ArgsName, IReadOnlyList<Member> Inputs);

public sealed record FunctionModel(FunctionSpec Spec, Naming.Placement Place, string ArgsName, string ResultName, IReadOnlyList<Member> Inputs, IReadOnlyList<Member> Outputs);

public sealed record ObjectModel(ObjectTypeSpec Spec, Naming.Placement Place, IReadOnlyList<Member> Inputs, IReadOnlyList<Member> Accessors, string AccessorClass);

public sealed record EnumModel(EnumTypeSpec Spec, Naming.Placement Place, IReadOnlyList<(EnumValue Value, string Name)> Values);

/// <summary>
/// The C# names of everything the catalog selected, decided before any code is written so that the
/// writer can tell when a short name would be shadowed (then it qualifies it with <c>global::</c>).
/// Names that collide within one class are an error naming both tokens.
/// </summary>
public sealed class CSharpModel
{
    /// <summary>Members every <c>Resource</c> already has (or that C# reserves on every object).</summary>
    private static readonly string[] ObjectMembers = ["GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "ReferenceEquals"];
    private static readonly string[] ResourceMembers = ["Name", "Type", "Package", "Properties", "Options", "Get", "Scope", "Id", "Urn", "IsProvider", "Output", "Token", "Self", "Version", .. ObjectMembers];
    private static readonly string[] ArgsMembers = ["ToObjectExpr", "Assigned", "AssignedOrder", .. ObjectMembers];
    private static readonly string[] TypeMembers = ["Token", .. ArgsMembers];
    private static readonly string[] ResultMembers = ["Expr", "Token", .. ObjectMembers];
    private static readonly string[] EnumMembers = ["Value", "Expr", .. ObjectMembers];
    private static readonly string[] AccessorMembers = ["Expr", "Property", "Index", .. ObjectMembers];

    public IReadOnlyList<ResourceModel> Resources { get; }
    public IReadOnlyList<ProviderModel> Providers { get; }
    public IReadOnlyList<FunctionModel> Functions { get; }
    public IReadOnlyList<ObjectModel> ObjectTypes { get; }
    public IReadOnlyList<EnumModel> EnumTypes { get; }

    /// <summary>Per package class: every class and member name declared under it.</summary>
    private readonly Dictionary<string, HashSet<string>> declared = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Naming.Placement> typePlaces = new(StringComparer.Ordinal);

    /// <summary>Where an object or enum type landed (its name may carry a suffix, see the constructor).</summary>
    public Naming.Placement PlaceOfType(string token) => typePlaces.TryGetValue(token, out var place)
        ? place
        : throw new GeneratorException($"The type {token} is referenced but was not generated.");

    public CSharpModel(Catalog catalog)
    {
        var nested = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal); // class path → name → token
        // Types take a suffix when a resource or function of the module already has their name
        // (aws:s3/BucketServerSideEncryptionConfiguration is both): resources and functions keep theirs.
        Naming.Placement DeclareType(string token)
        {
            var place = Naming.Place(token);
            var container = string.Join('.', place.Classes);
            var names = nested.TryGetValue(container, out var n) ? n : [];
            var name = place.Name;
            for (var i = 1; names.ContainsKey(name) || place.Classes.Last() == name; i++)
                name = place.Name + "Type" + (i == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            place = place with { Name = name };
            Declare(place, name, token);
            typePlaces[token] = place;
            return place;
        }
        void Declare(Naming.Placement place, string name, string token)
        {
            var container = string.Join('.', place.Classes);
            if (!nested.TryGetValue(container, out var names)) nested[container] = names = new(StringComparer.Ordinal);
            if (names.TryGetValue(name, out var other))
                throw new GeneratorException($"{token} and {other} both become {container}.{name} in C#; the generator needs a naming rule for them.");
            if (place.Classes.Last() == name)
                throw new GeneratorException($"{token} becomes {container}.{name}, a member named like its enclosing class; the generator needs a naming rule for it.");
            names[name] = token;
            Names(place.PackageClass).Add(name);
            if (place.ModuleClass is { } module) Names(place.PackageClass).Add(module);
        }
        IReadOnlyList<Member> Members(IEnumerable<SchemaProperty> properties, string className, IEnumerable<string> reserved, string package)
        {
            var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
            var members = properties.Select(p => new Member(p, Naming.Unique(p.Wire, className, taken))).ToList();
            foreach (var m in members) Names(package).Add(m.Name);
            return members;
        }

        Resources = catalog.Resources.Select(r =>
        {
            var place = Naming.Place(r.Token);
            var args = place.Name + "Args";
            Declare(place, place.Name, r.Token);
            Declare(place, args, r.Token);
            return new ResourceModel(r, place, args,
                Members(r.Inputs, args, ArgsMembers, place.PackageClass),
                Members(r.Outputs.Where(o => o.Wire is not "id" and not "urn"), place.Name, ResourceMembers, place.PackageClass));
        }).ToList();

        Providers = catalog.Providers.Select(p =>
        {
            var packageClass = Naming.Pascal(p.Package);
            var place = new Naming.Placement(p.Package, packageClass, null, packageClass + "Provider");
            var args = place.Name + "Args";
            Declare(place, place.Name, "pulumi:providers:" + p.Package);
            Declare(place, args, "pulumi:providers:" + p.Package);
            return new ProviderModel(p, place, args, Members(p.Inputs, args, ArgsMembers, packageClass));
        }).ToList();

        Functions = catalog.Functions.Select(f =>
        {
            var place = Naming.Place(f.Token);
            var (args, result) = (place.Name + "Args", place.Name + "Result");
            Declare(place, place.Name, f.Token);
            Declare(place, args, f.Token);
            Declare(place, result, f.Token);
            return new FunctionModel(f, place, args, result,
                Members(f.Inputs, args, ArgsMembers, place.PackageClass),
                Members(f.Outputs, result, ResultMembers, place.PackageClass));
        }).ToList();

        var accessorClasses = new HashSet<string>(StringComparer.Ordinal);
        ObjectTypes = catalog.ObjectTypes.Select(t =>
        {
            var place = DeclareType(t.Token);
            var accessorClass = string.Concat(place.Classes) + place.Name + "Outputs";
            if (!accessorClasses.Add(accessorClass))
                throw new GeneratorException($"Two types need the accessor class {accessorClass}; the generator needs a naming rule for them.");
            return new ObjectModel(t, place,
                t.UsedAsInput ? Members(t.Properties, place.Name, TypeMembers, place.PackageClass) : [],
                t.UsedAsOutput ? Members(t.Properties, place.Name, AccessorMembers, place.PackageClass) : [],
                accessorClass);
        }).ToList();

        EnumTypes = catalog.EnumTypes.Select(e =>
        {
            var place = DeclareType(e.Token);
            var taken = new HashSet<string>(EnumMembers, StringComparer.Ordinal);
            var values = e.Values.Select(v => (v, Naming.Unique(v.Name ?? v.Value.ToString(), place.Name, taken))).ToList();
            foreach (var (_, name) in values) Names(place.PackageClass).Add(name);
            return new EnumModel(e, place, values);
        }).ToList();
    }

    private HashSet<string> Names(string packageClass)
    {
        if (!declared.TryGetValue(packageClass, out var names)) declared[packageClass] = names = new(StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Whether a simple name could be captured by something declared in the package: then code in that
    /// package must spell the name out with <c>global::</c>. Conservative: any declaration anywhere in
    /// the package counts, whether or not it is on the lookup path.
    /// </summary>
    public bool IsShadowedIn(string packageClass, string simpleName) =>
        declared.TryGetValue(packageClass, out var names) && names.Contains(simpleName);
}

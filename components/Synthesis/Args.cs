namespace Infra.Synthesis;

/// <summary>
/// Base of every typed argument object (resource inputs and their nested types). Public properties
/// become program properties in declaration order, named in camelCase unless
/// <see cref="WireNameAttribute"/> says otherwise; null properties are left out.
/// </summary>
public abstract class Args;

/// <summary>The exact name of a property (or enum value) in the provider schema.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// Base of every typed argument object (resource inputs and their nested types). Generated provider
/// types override <see cref="ToObjectExpr"/> with code that writes their properties in schema order
/// under their wire names, so they need no reflection. Hand-written args still fall back to
/// <see cref="ArgsSerializer"/>: public properties in declaration order, named in camelCase unless
/// <see cref="WireNameAttribute"/> says otherwise; null properties are left out.
/// </summary>
public abstract class Args
{
    /// <summary>The program object of these arguments.</summary>
    public virtual ObjectExpr ToObjectExpr() => ArgsSerializer.Reflect(this);
}

/// <summary>The exact name of a property (or enum value) in the provider schema.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

namespace Infra.Policies.Cloud.Constraints;

/// <summary>A shape of an AWS API model by service and name, as botocore's <c>service-2.json</c> names it (<c>elbv2</c>, <c>TagValue</c>).</summary>
public sealed record ShapeId(string Service, string Name)
{
    public override string ToString() => $"{Service}/{Name}";
}

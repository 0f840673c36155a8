using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary>
/// <c>aws:ec2/subnetCidrReservation:SubnetCidrReservation</c>: an "explicit" reservation keeps AWS from
/// auto-assigning its addresses, so static server IPs never collide with other interfaces.
/// </summary>
public sealed class SubnetCidrReservation(Scope scope, string id, SubnetCidrReservationArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/subnetCidrReservation:SubnetCidrReservation";
}

public sealed class SubnetCidrReservationArgs : Args
{
    public required Input<string> SubnetId { get; init; }
    public required Input<string> CidrBlock { get; init; }
    public required Input<string> ReservationType { get; init; }
    public Input<string>? Description { get; init; }
}

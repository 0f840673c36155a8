using Infra.Platform.Configuration;

namespace Infra.Stacks.Dc9;

/// <summary>
/// One Service of <c>infra:placement</c> as declared: <c>gateway: 3</c>, or <c>gateway: {servers: 3, addressGroup: 2}</c>
/// to pin the Service's address group (null: derived from its name).
/// </summary>
public sealed record PlacementEntry(int Servers, int? AddressGroup)
{
    public static readonly ConfigField<int> ServersField = new("servers", ConfigShapes.Integer(1, 12), Dc9Settings.DefaultReplicas,
        "Servers running the Service, each only this Service.") { Required = true };

    public static readonly ConfigField<int> AddressGroupField = new("addressGroup", ConfigShapes.Integer(0, AddressGroups.Count - 1), 0,
        "Pins the Service's block of static addresses (see Addresses that never move); a group no other Service of the stack has.")
    {
        DefaultText = "derived from the Service's name",
    };

    public static readonly ConfigShape<PlacementEntry?> Shape = ConfigShapes.Object<PlacementEntry>(
        "N, or {servers: N, addressGroup: G}", [ServersField, AddressGroupField],
        (values, _) => new PlacementEntry(values.Get(ServersField), values.IsSet(AddressGroupField) ? values.Get(AddressGroupField) : null),
        shorthand: ServersField);
}

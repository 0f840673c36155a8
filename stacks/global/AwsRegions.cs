namespace Infra.Stacks.Global;

/// <summary>
/// The AWS regions the global tier knows, with where they are: the DNS load balancer orders its pools
/// nearest first from these places (great-circle distance), so an unknown region is a config error.
/// </summary>
public static class AwsRegions
{
    public sealed record Place(double Latitude, double Longitude);

    public static readonly IReadOnlyDictionary<string, Place> Known = new Dictionary<string, Place>(StringComparer.Ordinal)
    {
        ["us-east-1"] = new(38.9, -77.4), ["us-east-2"] = new(40.0, -83.0), ["us-west-1"] = new(37.4, -121.9),
        ["us-west-2"] = new(45.8, -119.7), ["ca-central-1"] = new(45.5, -73.6), ["sa-east-1"] = new(-23.5, -46.6),
        ["eu-west-1"] = new(53.3, -6.3), ["eu-west-2"] = new(51.5, -0.1), ["eu-west-3"] = new(48.9, 2.35),
        ["eu-central-1"] = new(50.1, 8.7), ["eu-north-1"] = new(59.3, 18.1), ["eu-south-1"] = new(45.5, 9.2),
        ["ap-south-1"] = new(19.1, 72.9), ["ap-southeast-1"] = new(1.35, 103.8), ["ap-southeast-2"] = new(-33.9, 151.2),
        ["ap-northeast-1"] = new(35.7, 139.7), ["ap-northeast-2"] = new(37.6, 127.0), ["ap-northeast-3"] = new(34.7, 135.5),
        ["ap-east-1"] = new(22.3, 114.2), ["me-south-1"] = new(26.1, 50.6), ["af-south-1"] = new(-33.9, 18.4),
    };

    /// <summary>Cloudflare's geo-steering regions and a point inside each (the keys of a load balancer's region_pools).</summary>
    public static readonly IReadOnlyDictionary<string, Place> CloudflareRegions = new Dictionary<string, Place>(StringComparer.Ordinal)
    {
        ["WNAM"] = new(40, -115), ["ENAM"] = new(38, -85), ["WEU"] = new(48, 5), ["EEU"] = new(50, 25),
        ["NSAM"] = new(5, -65), ["SSAM"] = new(-25, -55), ["OC"] = new(-28, 140), ["ME"] = new(25, 45),
        ["NAF"] = new(28, 10), ["SAF"] = new(-15, 25), ["SAS"] = new(20, 78), ["SEAS"] = new(5, 110), ["NEAS"] = new(35, 125),
    };

    /// <summary>Great-circle distance in km (haversine); only the order matters.</summary>
    public static double Distance(Place a, Place b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }
}

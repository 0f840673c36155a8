using System.Globalization;
using Infra.FleetCall;

// One synthesis of a dc9 fleet of SERVERS servers in a fresh process, writing the program to stdout as the
// compiler does. No stack config can ask for 900 servers (the static address plan holds 12 per Service),
// so the benchmark times this instead of `./infra synth` for the large fleets.
if (args is not [var root, var servers] || !int.TryParse(servers, CultureInfo.InvariantCulture, out var count) || count < 3)
{
    Console.Error.WriteLine("usage: fleet-call REPO_ROOT SERVERS (at least 3)");
    return 2;
}
Dc9Fleets.Build(root, count).Render().WriteTo(Console.Out);
return 0;

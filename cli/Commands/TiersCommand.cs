using System.CommandLine;
using Infra.Platform;
using Infra.Stacks;

namespace Infra.Cli.Commands;

/// <summary><c>infra tiers</c>: the four tiers and their shape.</summary>
public static class TiersCommand
{
    public static Command Create()
    {
        var command = new Command("tiers", "List the tiers, their shape, and whether they can be synthesized yet. " + ExitCodes.Help);
        command.SetAction(_ => CliContext.Run(() =>
        {
            foreach (var shape in TierShape.All)
            {
                var status = TierRegistry.Find(shape.Tier) is null ? " (not available yet)" : "";
                Console.Out.WriteLine($"{shape.Name}{status}");
                Console.Out.WriteLine($"  servers:  {shape.Servers}");
                Console.Out.WriteLine($"  where:    {shape.Where}");
                Console.Out.WriteLine($"  data:     {shape.Data}");
                Console.Out.WriteLine($"  ingress:  {shape.Ingress}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using Infra.Operations;
using Infra.Operations.Cost;
using Infra.Operations.Graph;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Cli.Commands;

/// <summary><c>infra cost STACK [--format text|markdown]</c>: the monthly estimate of what the stack creates.</summary>
public static class CostCommand
{
    public static Command Create(ISynthesizer synthesizer)
    {
        var stack = new Argument<string>("stack")
        {
            Description = "The stack to price (laptop, onprem3, dc9, or any stack whose infra:tier names a tier).",
        };
        var format = new Option<string>("--format")
        {
            Description = "text: a table with the schedule's saving and every assumption; markdown: the table alone, for a README or a pull request.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown",
        };
        format.AcceptOnlyFromAmong("text", "markdown");
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("cost",
            "Estimate the monthly cost of what the stack's program creates, from the dated price table in " +
            "operations/Cost/prices.yaml: EC2 per instance type and region, EBS per GB-month and snapshots, NAT gateway hours " +
            "and GB, ALB/NLB hours and capacity units, public IPv4 addresses, Cloudflare load balancing and data transfer " +
            "(traffic from the table's stated assumptions). Shows the month always on and under the stack's infra:schedule " +
            "(weekday spin-up, weekend teardown) with the saving; production is always on. Offline: no credentials. " + ExitCodes.Help)
        {
            stack, format, projectDir,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(stack)!;
            if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
            try
            {
                var schedule = StackSchedule.Read(root, name);
                var estimate = CostEstimator.Estimate(synthesizer.Synthesize(root, name), PriceTable.Shipped, schedule);
                parse.InvocationConfiguration.Output.Write(parse.GetValue(format) == "markdown"
                    ? CostRenderer.Markdown(name, estimate)
                    : CostRenderer.Text(name, estimate));
                return ExitCodes.Success;
            }
            catch (Exception failure) when (failure is CostException or ConfigException or ScheduleConfigException or InvalidDataException or ProgramCycleException
                                            || OperationsContext.IsUserError(failure))
            {
                error.WriteLine($"infra cost: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}

using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using LocalCommand = Infra.Providers.Generated.Command.Local;

namespace Infra.Constructs.Readiness;

/// <summary>What a readiness gate waits for, how it reaches it and what it is ordered after.</summary>
public sealed record ReadinessGateProps
{
    /// <summary>In words, for its messages: "Nomad of region london".</summary>
    public required string What { get; init; }
    /// <summary>The API's base URL, https://HOST:PORT (the same address the provider behind the gate uses).</summary>
    public required Input<string> Endpoint { get; init; }
    public required IReadOnlyList<ReadinessProbe> Probes { get; init; }
    /// <summary>The CA the API's certificate is verified with.</summary>
    public required Input<string> CaPem { get; init; }
    /// <summary>A client certificate and key, where the API asks for one (mutual TLS).</summary>
    public Input<string>? ClientCertPem { get; init; }
    public Input<string>? ClientKeyPem { get; init; }
    /// <summary>A token the probes send in <see cref="TokenHeader"/>.</summary>
    public Input<string>? Token { get; init; }
    public string? TokenHeader { get; init; }
    /// <summary>What to check when the deadline passes; shown in the failure message.</summary>
    public required string Hint { get; init; }
    public TimeSpan Deadline { get; init; } = ReadinessGate.DefaultDeadline;
    /// <summary>What must exist before the first poll (the servers, the load balancer's listener, a job).</summary>
    public IReadOnlyList<Resource> WaitsFor { get; init; } = [];
    /// <summary>
    /// What the gate stands for: when one of these changes (a new load balancer, a new server group), the gate is
    /// replaced and waits again. Keep it to the identities of what it polls, so day-2 changes never re-run it.
    /// </summary>
    public IReadOnlyList<object> ReplacedWhen { get; init; } = [];
}

/// <summary>
/// A readiness gate: a <c>command:local:Command</c> that runs <see cref="ReadinessScript"/> on the deploying machine
/// when it is created (or replaced) and polls an API until it is really usable, so that a provider which depends on
/// it starts calling that API only then. An update runs nothing: a gate has passed once and the API behind it is in
/// use; only a change of what it stands for (<see cref="ReadinessGateProps.ReplacedWhen"/>) replaces it. Secret
/// inputs reach the script through the command's environment, wrapped in <c>fn::secret</c> (and the recorded
/// environment is a secret output), never on a command line.
/// </summary>
public static class ReadinessGate
{
    /// <summary>
    /// How long a gate waits before it fails: a region's servers install their software, elect a leader and
    /// bootstrap ACLs in a few minutes (operations/Spinup/resource-timings.yaml); 20 minutes covers a slow mirror or a
    /// replaced instance without hiding a region that will never come up.
    /// </summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(20);

    /// <summary>The program variable holding the script, once per program (every gate runs the same text).</summary>
    public const string ScriptVariable = "readinessGateScript";

    /// <summary>
    /// What the command provider runs (as <c>/bin/sh -c CREATE</c>): the script, from the environment. The provider's
    /// error quotes this line before the script's output, so a failed gate reads as its own message, not as the
    /// script's text.
    /// </summary>
    public const string CreateCommand = "exec /bin/sh -c \"$" + ReadinessScript.ScriptVariable + "\" readiness-gate";

    /// <summary>What an update runs: nothing but a line saying so.</summary>
    public const string UpdateCommand = "echo 'readiness gate: passed when it was created; nothing to wait for on an update'";

    public static LocalCommand.Command Create(Scope scope, string id, ReadinessGateProps props)
    {
        if (props.Probes.Count == 0)
            throw new SynthesisException($"The readiness gate '{id}' ({props.What}) has no probe; give it at least one path to poll.");
        if ((props.ClientCertPem is null) != (props.ClientKeyPem is null))
            throw new SynthesisException($"The readiness gate '{id}' ({props.What}) has a client certificate without its key, or a key without its certificate.");
        if ((props.Token is null) != (props.TokenHeader is null))
            throw new SynthesisException($"The readiness gate '{id}' ({props.What}) has a token without its header, or a header without its token.");

        var environment = new Dictionary<string, Input<string>>
        {
            [ReadinessScript.ScriptVariable] = Script(scope.Blueprint),
            [ReadinessScript.WhatVariable] = props.What,
            [ReadinessScript.EndpointVariable] = props.Endpoint,
            [ReadinessScript.ProbesVariable] = string.Join('\n', props.Probes.Select(p => p.Line)),
            [ReadinessScript.CaVariable] = props.CaPem,
            [ReadinessScript.HintVariable] = props.Hint,
            [ReadinessScript.DeadlineVariable] = ((long)props.Deadline.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ReadinessScript.IntervalVariable] = ReadinessScript.DefaultIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (props.ClientCertPem is { } cert && props.ClientKeyPem is { } key)
        {
            environment[ReadinessScript.ClientCertVariable] = cert;
            environment[ReadinessScript.ClientKeyVariable] = Fn.Secret(key);
        }
        if (props.Token is { } token && props.TokenHeader is { } header)
        {
            environment[ReadinessScript.TokenHeaderVariable] = header;
            environment[ReadinessScript.TokenVariable] = Fn.Secret(token);
        }
        return new LocalCommand.Command(scope, id, new LocalCommand.CommandArgs
        {
            Create = CreateCommand,
            Update = UpdateCommand,
            Environment = environment,
            Triggers = props.ReplacedWhen.Count == 0 ? null : props.ReplacedWhen,
        }, new ResourceOptions
        {
            DependsOn = props.WaitsFor,
            AdditionalSecretOutputs = ["environment"],
        });
    }

    /// <summary>The script as a program variable: one copy in the program, however many gates run it.</summary>
    private static Output<string> Script(Blueprint blueprint) =>
        blueprint.Variables.Any(v => v.Key == ScriptVariable)
            ? Output.Of<string>(ScriptVariable)
            : blueprint.Variable<string>(ScriptVariable, new StringLiteral(ReadinessScript.Text));
}

namespace Infra.Constructs.Readiness;

/// <summary>
/// The POSIX sh script a readiness gate runs on the deploying machine (curl is its only tool): it polls an HTTPS
/// API until every probe gives its ready answer, or fails at the deadline with a message naming what it waited
/// for, the endpoint, the last answer and what to check. Everything it reads comes from the environment (the
/// script text is the same for every gate, so it never changes when a region is added). Secret material (a
/// client key, a token) is written to 0600 files in a private temporary folder that is removed on exit, and
/// reaches curl as file names: never on a command line, where any user of the machine could read it.
/// </summary>
public static class ReadinessScript
{
    /// <summary>What the gate waits for, in words ("Nomad of region london").</summary>
    public const string WhatVariable = "READY_WHAT";
    /// <summary>The API's base URL (https://HOST:PORT).</summary>
    public const string EndpointVariable = "READY_ENDPOINT";
    /// <summary>One probe per line: <c>KIND PATH</c> (see <see cref="ReadinessAnswer"/>), checked in order.</summary>
    public const string ProbesVariable = "READY_PROBES";
    public const string CaVariable = "READY_CA_PEM";
    public const string ClientCertVariable = "READY_CLIENT_CERT_PEM";
    public const string ClientKeyVariable = "READY_CLIENT_KEY_PEM";
    /// <summary>The header that carries <see cref="TokenVariable"/> (X-Nomad-Token, X-Consul-Token).</summary>
    public const string TokenHeaderVariable = "READY_TOKEN_HEADER";
    public const string TokenVariable = "READY_TOKEN";
    /// <summary>What to check when the deadline passes (logs, target groups, the operator networks).</summary>
    public const string HintVariable = "READY_HINT";
    public const string DeadlineVariable = "READY_DEADLINE_SECONDS";
    public const string IntervalVariable = "READY_INTERVAL_SECONDS";

    /// <summary>The script itself: the command's <c>create</c> runs it from here (see <see cref="ReadinessGate.CreateCommand"/>).</summary>
    public const string ScriptVariable = "READY_GATE_SCRIPT";

    /// <summary>The seconds between two polls when <see cref="IntervalVariable"/> is unset.</summary>
    public const int DefaultIntervalSeconds = 10;

    public const string Text = """
        #!/bin/sh
        # Readiness gate: poll an HTTPS API until it is usable (see components/Constructs/Readiness).
        set -u
        what=${READY_WHAT:?READY_WHAT is not set}
        endpoint=${READY_ENDPOINT:?READY_ENDPOINT is not set}
        probes=${READY_PROBES:?READY_PROBES is not set}
        deadline=${READY_DEADLINE_SECONDS:-1200}
        interval=${READY_INTERVAL_SECONDS:-10}
        hint=${READY_HINT:-}
        for number in "$deadline" "$interval"; do
            case $number in
                '' | *[!0-9]*)
                    echo "readiness gate ($what): READY_DEADLINE_SECONDS and READY_INTERVAL_SECONDS must be whole seconds, not '$number'" >&2
                    exit 2 ;;
            esac
        done
        if ! command -v curl >/dev/null 2>&1; then
            echo "readiness gate ($what): curl is not installed on the deploying machine; install it (apt-get install curl) and run pulumi up again" >&2
            exit 1
        fi

        # Private folder for the TLS material and the token: files 0600, removed however the script ends.
        umask 077
        dir=$(mktemp -d "${TMPDIR:-/tmp}/readiness.XXXXXX") || exit 1
        trap 'rm -rf "$dir"' EXIT
        trap 'exit 129' HUP
        trap 'exit 130' INT
        trap 'exit 143' TERM
        printf '%s\n' "${READY_CA_PEM:?READY_CA_PEM is not set}" >"$dir/ca.pem"
        set -- --silent --show-error --connect-timeout 5 --max-time 10 --cacert "$dir/ca.pem"
        if [ -n "${READY_CLIENT_CERT_PEM:-}" ]; then
            printf '%s\n' "$READY_CLIENT_CERT_PEM" >"$dir/client.pem"
            printf '%s\n' "${READY_CLIENT_KEY_PEM:?READY_CLIENT_KEY_PEM is not set (READY_CLIENT_CERT_PEM is)}" >"$dir/client-key.pem"
            set -- "$@" --cert "$dir/client.pem" --key "$dir/client-key.pem"
        fi
        if [ -n "${READY_TOKEN:-}" ]; then
            printf '%s: %s\n' "${READY_TOKEN_HEADER:?READY_TOKEN_HEADER is not set (READY_TOKEN is)}" "$READY_TOKEN" >"$dir/headers"
            set -- "$@" --header "@$dir/headers"
        fi
        # curl needs none of them: it reads the files.
        unset READY_CLIENT_KEY_PEM READY_TOKEN

        # One probe: 0 when the answer is the ready one; $answer says what came back.
        probe() {
            code=$(curl "$@" --output "$dir/body" --write-out '%{http_code}' "$endpoint$path" 2>"$dir/error") || {
                answer="GET $path: $(head -c 300 "$dir/error" | tr '\n' ' ')"
                return 1
            }
            body=$(head -c 2000 "$dir/body")
            case $kind in
                leader)
                    case $code:$body in
                        200:'"'?*'"') return 0 ;;
                        200:*) answer="GET $path: no leader elected yet" ;;
                        *) answer="GET $path: HTTP $code" ;;
                    esac ;;
                ok)
                    case $code:$body in
                        200:ok) return 0 ;;
                        *) answer="GET $path: HTTP $code: $(printf '%s' "$body" | head -c 300 | tr '\n' ' ')" ;;
                    esac ;;
                success)
                    # The answer may hold the token itself: only the status is ever shown.
                    case $code in
                        2??) return 0 ;;
                        *) answer="GET $path: HTTP $code" ;;
                    esac ;;
                *)
                    echo "readiness gate ($what): unknown probe kind '$kind' in READY_PROBES (leader, ok or success)" >&2
                    exit 2 ;;
            esac
            return 1
        }

        start=$(date +%s)
        answer="no answer yet"
        said=""
        while :; do
            ready=yes
            while read -r kind path; do
                [ -n "$kind" ] || continue
                if ! probe "$@"; then
                    ready=no
                    break
                fi
            done <<EOF
        $probes
        EOF
            elapsed=$(($(date +%s) - start))
            if [ "$ready" = yes ]; then
                echo "readiness gate: $what is ready at $endpoint after ${elapsed}s"
                exit 0
            fi
            if [ "$answer" != "$said" ]; then
                echo "readiness gate: $what not ready after ${elapsed}s ($answer); polling every ${interval}s for up to ${deadline}s"
                said=$answer
            fi
            if [ "$elapsed" -ge "$deadline" ]; then
                echo "readiness gate: $what did not become ready at $endpoint within ${deadline}s. Last answer: $answer. $hint" >&2
                exit 1
            fi
            sleep "$interval"
        done
        """;
}

namespace Infra.Software.Consul;

/// <summary>
/// How a platform pod learns its RAFT peers: a sidecar reads the Consul catalog's passing instances of the
/// region's platform Services through the local agent's HTTP API (the Consul client on the pod's host, at the
/// host IP; no DNS in the path), takes each member's id from the <c>pod-name</c> metadata consul-k8s registers
/// (the StatefulSet's stable name) and writes the peers file the binary reads (<c>--raft-peers-file</c>),
/// atomically and only when it changes. Python's standard library only, so any pinned python image runs it.
/// </summary>
public static class RaftPeerDiscovery
{
    /// <summary>A pinned image with Python 3 (standard library only is used).</summary>
    public const string Image = "docker.io/library/python:3.13.1-alpine3.21";

    public const string ScriptName = "raft-peers.py";

    /// <summary>
    /// Environment: CONSUL_HTTP_ADDR (https://HOST:8501), CONSUL_CACERT, CONSUL_HTTP_TOKEN_FILE, PLATFORM_SERVICES
    /// (the Consul service names, comma-separated), RAFT_PORT, PEERS_FILE, and INTERVAL seconds (0: once).
    /// </summary>
    public const string Script = """
        import json, os, ssl, sys, time, urllib.request

        def fetch(addr, service, token, context):
            request = urllib.request.Request(f"{addr}/v1/health/service/{service}?passing=true",
                                             headers={"X-Consul-Token": token})
            with urllib.request.urlopen(request, timeout=5, context=context) as response:
                return json.load(response)

        def peers(addr, services, token, context, port):
            found = {}
            for service in services:
                for entry in fetch(addr, service, token, context):
                    svc = entry["Service"]
                    node_id = (svc.get("Meta") or {}).get("pod-name")
                    address = svc.get("Address") or entry["Node"]["Address"]
                    if node_id:
                        found[node_id] = f"{address}:{port}"
            return [{"id": k, "address": found[k]} for k in sorted(found)]

        def main():
            addr = os.environ["CONSUL_HTTP_ADDR"].rstrip("/")
            services = [s for s in os.environ["PLATFORM_SERVICES"].split(",") if s]
            port = int(os.environ.get("RAFT_PORT", "7071"))
            target = os.environ["PEERS_FILE"]
            interval = int(os.environ.get("INTERVAL", "10"))
            token_file = os.environ.get("CONSUL_HTTP_TOKEN_FILE")
            token = open(token_file).read().strip() if token_file else ""
            context = None
            if addr.startswith("https:"):
                # The host agent's certificate names its role (client.DC.consul), not the host IP: verify the CA only.
                context = ssl.create_default_context(cafile=os.environ.get("CONSUL_CACERT"))
                context.check_hostname = False
            last = None
            while True:
                try:
                    current = json.dumps(peers(addr, services, token, context, port), indent=1)
                    if current != last:
                        tmp = target + ".tmp"
                        with open(tmp, "w") as f:
                            f.write(current + "\n")
                        os.replace(tmp, target)
                        last = current
                        print(f"raft peers: {current}", flush=True)
                except Exception as e:  # the catalog is briefly unreachable: keep the last file
                    print(f"raft peers: {e}", file=sys.stderr, flush=True)
                if interval == 0:
                    return 0 if last is not None else 1
                time.sleep(interval)

        sys.exit(main())
        """;
}

using Infra.Platform.Provisioning;

namespace Infra.Platform.Database;

/// <summary>
/// Prepares a path repository's host directory before PostgreSQL archives into it. Docker creates a
/// missing bind-mount source owned by root, where pgBackRest (the image's postgres user, uid 999 in the
/// official PostgreSQL images) cannot write: every archive-push then fails, PostgreSQL keeps each WAL
/// segment, and the disk fills. So the directory is created, given to postgres (mode 0750) and proven
/// writable by postgres, or the deployment stops with what to fix.
///
/// The step runs in a throw-away container of the Patroni image as root, with the directory mounted at
/// the same path: it resolves the postgres user from the very image that archives, and it needs only
/// the Docker access the SSH user has anyway (no root or sudo on the host).
/// </summary>
public static class BackupDirectorySetup
{
    /// <summary>The script, run as root where <paramref name="directory"/> is visible; exit 1 with the reason when it cannot be made ready.</summary>
    /// <param name="where">Names the host in messages, e.g. <c>server-1 (10.0.0.11)</c>.</param>
    public static string Script(string directory, string where)
    {
        Check(directory);
        var dir = ShellQuote.Quote(directory);
        var host = ShellQuote.Quote(where);
        return $$"""
            set -eu
            dir={{dir}}
            host={{host}}
            fail() {
              echo "pgBackRest repository $dir on $host: $*" >&2
              exit 1
            }
            uid=$(id -u postgres) || fail "this image has no postgres user."
            if [ ! -d "$dir" ]; then
              mkdir -p "$dir" || fail "does not exist and cannot be created (is its parent a read-only or missing mount?)."
            fi
            owner=$(stat -c %U "$dir")
            if [ "$owner" != postgres ]; then
              chown postgres:postgres "$dir" || fail "is owned by $owner and cannot be given to the postgres user (uid $uid). On a shared mount (NFS with root_squash) run on the file server: chown $uid:$uid $dir; chmod 0750 $dir"
              chmod 0750 "$dir" || fail "cannot be set to mode 0750."
            fi
            probe="$dir/.infra-write-check.$$"
            setpriv --reuid=postgres --regid=postgres --init-groups -- /bin/sh -c ': > "$1" && rm -f "$1"' sh "$probe" 2>/dev/null ||
              fail "is not writable by the postgres user (uid $uid), so WAL archiving would fail and fill the disk. Give the directory to uid $uid (chown $uid:$uid $dir; chmod 0750 $dir), on the file server if it is a shared mount."
            echo "pgBackRest repository $dir on $host: ready (owner postgres, uid $uid, mode $(stat -c %a "$dir"))."

            """;
    }

    /// <summary>
    /// The command the tier runs over SSH on the host, with <see cref="Script"/> on its standard input: a
    /// throw-away container of <paramref name="image"/> (which must exist on the host) running the script as
    /// root, with the directory mounted at the same path. Docker creates the directory if it is missing;
    /// the script then gives it to postgres.
    /// </summary>
    public static string HostCommand(string image, string directory)
    {
        Check(directory);
        return string.Join(' ',
            "docker", "run", "--rm", "--interactive", "--network", "none", "--user", "0:0", "--entrypoint", "/bin/sh",
            "--volume", ShellQuote.Quote($"{directory}:{directory}"), ShellQuote.Quote(image), "-s");
    }

    private static void Check(string directory)
    {
        if (!directory.StartsWith('/') || directory == "/" || directory.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':'))
            throw new DatabaseConfigException(
                $"Backup directory '{directory}' must be an absolute path other than / without spaces, control characters or ':'.");
    }
}

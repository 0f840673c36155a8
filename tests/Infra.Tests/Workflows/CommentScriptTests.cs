using System.Diagnostics;
using System.Text.Json;

namespace Infra.Tests.Workflows;

/// <summary>
/// The github-script helpers (.github/scripts) run with Node against a fake GitHub client that records
/// every call: preview comments refreshed in place, stale ones marked outdated once, alert issues deduplicated.
/// </summary>
public sealed class CommentScriptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("infra-js-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string FakeGitHub = """
        const calls = [];
        const state = JSON.parse(process.env.STATE);
        const github = {
          paginate: async (fn, params) => fn === github.rest.issues.listComments ? state.comments : state.issues,
          rest: { issues: {
            listComments: () => {}, listForRepo: () => {},
            updateComment: async (p) => calls.push({ update: p }),
            createComment: async (p) => calls.push({ create: p }),
            create: async (p) => { calls.push({ open: p }); return { data: { number: 99 } }; },
          } },
        };
        const context = { repo: { owner: 'acme', repo: 'infra' }, issue: { number: 7 } };
        """;

    private List<JsonElement> Node(string script, object state)
    {
        Assert.True(File.Exists("/usr/bin/node") || File.Exists("/usr/local/bin/node"), "Node.js is needed (it is installed with the workflow validator).");
        var path = Path.Combine(folder, "run.js");
        File.WriteAllText(path, FakeGitHub + script + "\nmain().then(() => console.log(JSON.stringify(calls))).catch((e) => { console.error(e); process.exit(1); });\n");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(path);
        start.Environment["STATE"] = JsonSerializer.Serialize(state);
        start.Environment["SCRIPTS"] = Path.Combine(Support.RepoPaths.Root, ".github", "scripts");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static object Comment(int id, string body, string type = "Bot") => new { id, body, user = new { type } };

    [Fact]
    public void A_stale_preview_is_marked_outdated_once_and_keeps_its_text_folded()
    {
        var marker = "<!-- infra-preview:dev-eu -->";
        var state = new { comments = new[] { Comment(1, "<!-- infra-diff -->\nx"), Comment(2, marker + "\n### preview\n```diff\n+ a\n```") } };
        var calls = Node($$"""
            const c = require(process.env.SCRIPTS + '/upsert-comment.js');
            async function main() { await c.markOutdated({ github, context, marker: '{{marker}}' }); }
            """, state);
        var update = Assert.Single(calls).GetProperty("update");
        Assert.Equal(2, update.GetProperty("comment_id").GetInt32());
        var body = update.GetProperty("body").GetString()!;
        Assert.StartsWith(marker + "\n> [!NOTE]\n> **Outdated:**", body);
        Assert.Contains("<details><summary>Earlier preview</summary>\n\n### preview\n```diff\n+ a\n```", body);

        // Already marked, or not ours, or absent: nothing is written.
        Assert.Empty(Node($$"""
            const c = require(process.env.SCRIPTS + '/upsert-comment.js');
            async function main() { await c.markOutdated({ github, context, marker: '{{marker}}' }); }
            """, new { comments = new[] { Comment(2, body), Comment(3, marker + "\nby a person", "User") } }));
    }

    [Fact]
    public void A_preview_comment_is_updated_in_place_not_added_again()
    {
        var file = Path.Combine(folder, "preview.md");
        File.WriteAllText(file, "<!-- infra-preview:dc9 -->\nnew text\n");
        var script = $$"""
            const c = require(process.env.SCRIPTS + '/upsert-comment.js');
            async function main() { await c.upsert({ github, context, marker: '<!-- infra-preview:dc9 -->', path: '{{file}}' }); }
            """;
        var updated = Assert.Single(Node(script, new { comments = new[] { Comment(5, "<!-- infra-preview:dc9 -->\nold") } }));
        Assert.Equal(5, updated.GetProperty("update").GetProperty("comment_id").GetInt32());
        var created = Assert.Single(Node(script, new { comments = Array.Empty<object>() }));
        Assert.Equal(7, created.GetProperty("create").GetProperty("issue_number").GetInt32());
    }

    [Fact]
    public void A_failure_opens_one_alert_issue_and_comments_on_it_afterwards()
    {
        const string script = """
            const alert = require(process.env.SCRIPTS + '/alert-issue.js');
            async function main() { await alert({ github, context, title: 'infra: dev schedule failed', body: 'run 1' }); }
            """;
        var opened = Assert.Single(Node(script, new { comments = Array.Empty<object>(), issues = Array.Empty<object>() })).GetProperty("open");
        Assert.Equal("infra: dev schedule failed", opened.GetProperty("title").GetString());
        Assert.Equal(["infra-alert"], opened.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));

        var again = Assert.Single(Node(script, new { comments = Array.Empty<object>(), issues = new[] { new { number = 12, title = "infra: dev schedule failed" } } }));
        Assert.Equal(12, again.GetProperty("create").GetProperty("issue_number").GetInt32());
    }
}

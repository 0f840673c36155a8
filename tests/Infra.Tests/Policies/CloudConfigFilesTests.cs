using Infra.Policies.Cluster;

namespace Infra.Tests.Policies;

/// <summary>
/// The files a cloud-config writes, read from YamlDotNet's event stream: always the representation model's answer
/// (<see cref="CloudConfigFiles.ReadWithModel"/>), in every style and on malformed text.
/// </summary>
public sealed class CloudConfigFilesTests
{
    private static string Show(IReadOnlyList<CloudConfigFiles.WrittenFile>? files) =>
        files is null ? "(not YAML)" : string.Join(" | ", files.Select(f => $"{f.Path}={f.Content}"));

    /// <summary>The reader's answer, after checking that the model gives the same.</summary>
    private static string Read(string text)
    {
        var read = Show(CloudConfigFiles.Read(text));
        Assert.Equal(Show(CloudConfigFiles.ReadWithModel(text)), read);
        return read;
    }

    [Fact]
    public void Reads_block_style_entries_in_order_with_literal_contents()
    {
        Assert.Equal("/etc/a.json={\"a\": 1}\n | /etc/b=two", Read("""
            #cloud-config
            packages: [curl]
            write_files:
            - path: /etc/a.json
              owner: root
              content: |
                {"a": 1}
            - content: two
              path: /etc/b
            runcmd:
            - [echo, hi]
            """));
    }

    [Fact]
    public void Reads_flow_style_and_quoted_keys()
    {
        Assert.Equal("/etc/a={} | /etc/b=x", Read("""
            #cloud-config
            "write_files": [{path: /etc/a, 'content': '{}'}, {"path": "/etc/b", content: "x"}]
            """));
    }

    [Fact]
    public void A_missing_or_collection_path_or_content_reads_empty()
    {
        Assert.Equal("=only content | /etc/p= | =", Read("""
            #cloud-config
            write_files:
            - content: only content
            - path: /etc/p
              content: {a: b}
            - path: [x]
            """));
    }

    [Fact]
    public void Only_mapping_entries_of_a_write_files_list_count()
    {
        Assert.Equal("/etc/a=", Read("#cloud-config\nwrite_files:\n- just text\n- [a, b]\n- path: /etc/a\n"));
    }

    [Theory]
    [InlineData("#cloud-config\nwrite_files: {path: /etc/a, content: x}\n")]
    [InlineData("#cloud-config\nwrite_files: /etc/a\n")]
    [InlineData("#cloud-config\nwrite_files:\n")]
    [InlineData("#cloud-config\n- write_files\n")]
    [InlineData("#cloud-config\njust a scalar\n")]
    [InlineData("#cloud-config\n")]
    [InlineData("")]
    [InlineData("#cloud-config\nfiles:\n  write_files:\n  - path: /etc/nested\n")]
    [InlineData("#cloud-config\n!!str write_files:\n- path: /etc/tagged-key\n")]
    public void Anything_but_a_top_level_write_files_list_writes_nothing(string text)
    {
        Assert.Equal("", Read(text));
    }

    [Fact]
    public void Only_the_first_document_counts()
    {
        Assert.Equal("/etc/first=1", Read("#cloud-config\nwrite_files: [{path: /etc/first, content: '1'}]\n---\nwrite_files: [{path: /etc/second, content: '2'}]\n"));
        Assert.Equal("", Read("--- just text\n---\nwrite_files: [{path: /etc/second, content: '2'}]\n"));
    }

    [Theory]
    [InlineData("#cloud-config\nwrite_files:\n- path: /etc/a\n  content: [unclosed\n")]
    [InlineData("#cloud-config\nwrite_files:\n- path: /etc/a\n    content: bad indent\n")]
    [InlineData("#cloud-config\nwrite_files: []\nwrite_files: []\n")]
    [InlineData("#cloud-config\nwrite_files:\n- path: /etc/a\n  path: /etc/b\n")]
    [InlineData("#cloud-config\nwrite_files: [{path: /etc/a}]\nruncmd: {a: 1, a: 2}\n")]
    [InlineData("#cloud-config\nwrite_files: [{path: /etc/a}]\n---\nlater: [broken\n")]
    [InlineData("#cloud-config\nwrite_files: [{path: /etc/a}]\n---\nx: 1\nx: 2\n")]
    [InlineData("#cloud-config\nwrite_files: [{path: /etc/a}]\nx: *nowhere\n")]
    public void Malformed_yaml_anywhere_fails_the_whole_text(string text)
    {
        Assert.Equal("(not YAML)", Read(text));
    }

    [Fact]
    public void Keys_of_other_tags_are_not_duplicates()
    {
        Assert.Equal("/etc/a=", Read("#cloud-config\nwrite_files: [{path: /etc/a}]\n!!str x: 1\nx: 2\n"));
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved_as_the_model_resolves_them()
    {
        Assert.Equal("/etc/a={} | /etc/a={}", Read("#cloud-config\nshared: &f {path: /etc/a, content: '{}'}\nwrite_files: [*f, *f]\n"));
        Assert.Equal("/etc/b=x", Read("#cloud-config\nlist: &l [{path: /etc/b, content: x}]\nwrite_files: *l\n"));
        Assert.Equal("/etc/c=y", Read("#cloud-config\nwrite_files:\n- path: &p /etc/c\n  content: y\n"));
        Assert.Equal("/etc/d=", Read("#cloud-config\nwrite_files:\n- {path: /etc/d}\n? [complex, key]\n: value\n"));
        Assert.Equal("(not YAML)", Read("#cloud-config\nwrite_files: [{path: /etc/a}]\n&k x: 1\nx: 2\n"));
    }

    [Fact]
    public void A_key_without_a_value_fails_as_the_model_fails()
    {
        // YamlDotNet's parser ends this mapping after its key; the model throws ArgumentException, and so does the reader.
        const string text = "#cloud-config\nwrite_files:\n  - s\n  - : b}\n";
        Assert.Equal(
            Assert.Throws<ArgumentException>(() => CloudConfigFiles.ReadWithModel(text)).Message,
            Assert.Throws<ArgumentException>(() => CloudConfigFiles.Read(text)).Message);
    }

    [Fact]
    public void Mutated_cloud_configs_read_as_the_model_reads_them()
    {
        // A small fuzz over edits that break and bend YAML: the reader must agree with the model on every one.
        const string seed = """
            #cloud-config
            packages: [curl, jq]
            write_files:
            - path: /etc/consul.d/consul.json
              permissions: "0600"
              content: |-
                {"datacenter": "dc1", "acl": {"enabled": true}}
            - path: /etc/nomad.d/nomad.json.tmpl
              content: '{"client": {"node_class": "k3s"}}'
            - {path: /usr/local/bin/run, content: "#!/bin/sh\necho hi"}
            runcmd:
            - [systemctl, enable, --now, consul]
            """;
        string[] fragments = ["&a ", "*a", "? ", ": ", "- ", "\n", "  ", "write_files", "path", "content", "!!str ", "{", "}", "[", "]", "'", "\"", "#", "---\n", "|\n", "\t", ","];
        var random = new Random(20240611);
        for (var i = 0; i < 3000; i++)
        {
            var text = seed;
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                var at = random.Next(text.Length + 1);
                text = random.Next(3) switch
                {
                    0 => text.Insert(at, fragments[random.Next(fragments.Length)]),
                    1 when at < text.Length => text.Remove(at, Math.Min(random.Next(1, 30), text.Length - at)),
                    _ => text.Insert(at, ((char)random.Next(32, 127)).ToString()),
                };
            }
            Assert.Equal(Outcome(() => CloudConfigFiles.ReadWithModel(text)), Outcome(() => CloudConfigFiles.Read(text)));
        }

        static string Outcome(Func<IReadOnlyList<CloudConfigFiles.WrittenFile>?> read)
        {
            try { return Show(read()); }
            catch (Exception e) { return e.GetType().Name; }
        }
    }
}

using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Tests.Configuration;

/// <summary>
/// The config reader in process (the process tests in <see cref="BadConfigTests"/> check the same rules
/// end to end): each typed read, its fallback, and the key, value and problem it reports.
/// </summary>
public class ConfigReaderTests
{
    private static readonly ConfigKey Text = new("text", ConfigKind.String, "a string", "any text");
    private static readonly ConfigKey Number = new("number", ConfigKind.Integer, "a number", "1 to 10");
    private static readonly ConfigKey Flag = new("flag", ConfigKind.Boolean, "a flag", "true | false");
    private static readonly ConfigKey Items = new("items", ConfigKind.StringList, "a list", "a non-empty list");
    private static readonly ConfigKey Map = new("map", ConfigKind.Object, "an object", "an object");
    private static readonly ConfigKey Password = new("password", ConfigKind.Secret, "a secret", "a secret");
    private static readonly ConfigKey Level = new("level", ConfigKind.String, "a level", "debug | info");
    private static readonly ConfigKey[] Keys = [Text, Number, Flag, Items, Map, Password, Level];

    private static ConfigReader Reader(string origin = "Pulumi.test.yaml", params (string Key, JsonNode? Value, bool Secure)[] values) =>
        new(new ConfigSource(values.ToDictionary(v => v.Key, v => new RawConfigValue(v.Value, v.Secure)), origin), "test", Tier.Laptop, Keys);

    private static ConfigReader Reader(params (string Key, JsonNode? Value)[] values) =>
        Reader("Pulumi.test.yaml", values.Select(v => (v.Key, v.Value, false)).ToArray());

    private static ConfigError Single(ConfigReader reader) => Assert.Single(reader.Errors);

    [Fact]
    public void Unset_keys_give_the_fallback_without_an_error()
    {
        var reader = Reader();
        Assert.Equal("fallback", reader.String(Text, "fallback"));
        Assert.Equal(5, reader.Integer(Number, 5, 1, 10));
        Assert.True(reader.Boolean(Flag, true));
        Assert.Equal(["x"], reader.StringList(Items, ["x"]));
        Assert.Null(reader.Object(Map));
        Assert.Equal(LogLevel.Warn, reader.Enum(Level, LogLevel.Warn));
        Assert.False(reader.IsSet(Text));
        Assert.Empty(reader.Errors);
        reader.ThrowIfInvalid();
    }

    [Fact]
    public void A_key_the_tier_does_not_register_cannot_be_read()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Reader().String(CommonKeys.Owner, "x"));
        Assert.Equal("infra:owner is read but not registered for tier Laptop.", error.Message);
    }

    [Fact]
    public void Strings_are_checked_and_lists_are_refused()
    {
        var reader = Reader(("infra:text", JsonValue.Create("bad")));
        Assert.Equal("fallback", reader.String(Text, "fallback", v => v == "bad" ? "is bad." : null));
        Assert.Equal(("infra:text", "bad", "is bad.", "any text"), (Single(reader).Key, Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));

        var good = Reader(("infra:text", JsonValue.Create("good")));
        Assert.Equal("good", good.String(Text, "fallback", v => v == "bad" ? "is bad." : null));
        Assert.True(good.IsSet(Text));

        var list = Reader(("infra:text", new JsonArray("a")));
        Assert.Equal("fallback", list.String(Text, "fallback"));
        Assert.Equal(("[\"a\"]", "must be a single string, not a list or object."), (Single(list).Value, Single(list).Problem));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData("+7", 7)]
    public void Integers_at_their_bounds_are_read(string text, int value)
    {
        var reader = Reader(("infra:number", JsonValue.Create(text)));
        Assert.Equal(value, reader.Integer(Number, 5, 1, 10));
        Assert.Empty(reader.Errors);
    }

    [Theory]
    [InlineData("0", "is out of range.", "an integer from 1 to 10")]
    [InlineData("11", "is out of range.", "an integer from 1 to 10")]
    [InlineData("-1", "is out of range.", "an integer from 1 to 10")]
    [InlineData("ten", "is not a whole number.", "1 to 10")]
    [InlineData("1.5", "is not a whole number.", "1 to 10")]
    [InlineData("99999999999", "is not a whole number.", "1 to 10")]
    public void Integers_out_of_range_or_not_whole_are_reported_with_the_fallback(string text, string problem, string allowed)
    {
        var reader = Reader(("infra:number", JsonValue.Create(text)));
        Assert.Equal(5, reader.Integer(Number, 5, 1, 10));
        Assert.Equal((text, problem, allowed), (Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));
    }

    [Fact]
    public void Ports_are_integers_from_1_to_65535()
    {
        Assert.Equal(65535, Reader(("infra:number", JsonValue.Create("65535"))).Port(Number, 80));
        Assert.Equal(1, Reader(("infra:number", JsonValue.Create("1"))).Port(Number, 80));
        var reader = Reader(("infra:number", JsonValue.Create("65536")));
        Assert.Equal(80, reader.Port(Number, 80));
        Assert.Equal("an integer from 1 to 65535", Single(reader).Allowed);
        Assert.Equal(42, Reader(("infra:number", JsonValue.Create(42))).Integer(Number, 5, 1, 100));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Booleans_are_true_or_false_in_any_case(string text, bool value)
    {
        var reader = Reader(("infra:flag", JsonValue.Create(text)));
        Assert.Equal(value, reader.Boolean(Flag, !value));
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Booleans_accept_json_booleans_and_refuse_other_words()
    {
        Assert.True(Reader(("infra:flag", JsonValue.Create(true))).Boolean(Flag, false));
        var reader = Reader(("infra:flag", JsonValue.Create("yes")));
        Assert.False(reader.Boolean(Flag, false));
        Assert.Equal(("yes", "is not a boolean.", "true or false"), (Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));
    }

    [Fact]
    public void Enums_take_their_lower_case_names_only()
    {
        Assert.Equal(LogLevel.Debug, Reader(("infra:level", JsonValue.Create("debug"))).Enum(Level, LogLevel.Info));
        foreach (var text in new[] { "Debug", "0", "verbose" })
        {
            var reader = Reader(("infra:level", JsonValue.Create(text)));
            Assert.Equal(LogLevel.Info, reader.Enum(Level, LogLevel.Info));
            Assert.Equal((text, "is not one of the allowed values.", "debug | info | warn | error"),
                (Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));
        }
    }

    [Fact]
    public void String_lists_come_as_lists_or_as_json_text()
    {
        Assert.Equal(["a", "b"], Reader(("infra:items", new JsonArray("a", "b"))).StringList(Items, []));
        Assert.Equal(["a", "1"], Reader(("infra:items", JsonValue.Create("""  ["a", 1]"""))).StringList(Items, []));
        Assert.Empty(Reader(("infra:items", new JsonArray())).StringList(Items, ["x"], allowEmpty: true));
    }

    [Theory]
    [InlineData("""{"a": 1}""", "must be a list of strings.")]
    [InlineData("""[["a"]]""", "must be a list of strings.")]
    [InlineData("""[{"a": 1}]""", "must be a list of strings.")]
    [InlineData("""[]""", "is an empty list.")]
    public void Bad_string_lists_are_reported_with_the_fallback(string json, string problem)
    {
        var reader = Reader(("infra:items", JsonNode.Parse(json)));
        Assert.Equal(["fallback"], reader.StringList(Items, ["fallback"]));
        Assert.Equal(problem, Single(reader).Problem);
    }

    [Fact]
    public void Text_that_starts_like_json_but_is_not_is_refused_saying_where_it_breaks()
    {
        var reader = Reader(("infra:items", JsonValue.Create("[not json")));
        Assert.Equal(["fallback"], reader.StringList(Items, ["fallback"]));
        Assert.Equal(("[not json", "is not valid JSON (line 1, byte 3).", "a non-empty list"),
            (Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));
    }

    [Fact]
    public void A_json_string_that_is_not_a_list_of_strings_is_refused_with_an_example()
    {
        var reader = Reader(("infra:items", JsonValue.Create("{\"a\": 1}")));
        Assert.Equal(["fallback"], reader.StringList(Items, ["fallback"]));
        Assert.Equal(("must be a list of strings.", "a list such as [\"a\", \"b\"]"), (Single(reader).Problem, Single(reader).Allowed));
    }

    [Fact]
    public void Objects_come_as_mappings_or_as_json_text()
    {
        Assert.Equal(1, (int)Reader(("infra:map", new JsonObject { ["a"] = 1 })).Object(Map)!["a"]!);
        Assert.Equal(2, (int)Reader(("infra:map", JsonValue.Create("""{"b": 2}"""))).Object(Map)!["b"]!);
        var reader = Reader(("infra:map", new JsonArray(1)));
        Assert.Null(reader.Object(Map));
        Assert.Equal(("[1]", "must be an object (a mapping of names to values)."), (Single(reader).Value, Single(reader).Problem));
    }

    [Fact]
    public void A_required_secret_that_is_missing_is_reported_and_an_optional_one_is_not()
    {
        var reader = Reader();
        Assert.False(reader.Secret(Password, required: false));
        Assert.Empty(reader.Errors);
        Assert.False(reader.Secret(Password, required: true));
        Assert.Equal((null, "is required and not set.", "a secret: pulumi config set --secret infra:password VALUE"),
            (Single(reader).Value, Single(reader).Problem, Single(reader).Allowed));
    }

    [Fact]
    public void A_secret_in_plain_text_in_the_stack_file_is_reported_without_its_value()
    {
        var plain = Reader(("infra:password", JsonValue.Create("hunter2")));
        Assert.True(plain.Secret(Password, required: true));
        // The value of a secret key is never quoted, not even as a placeholder.
        Assert.Equal(((string?)null, "holds a secret in plain text."), (Single(plain).Value, Single(plain).Problem));
        Assert.Contains("--stack test", Single(plain).Allowed);

        var secure = Reader("Pulumi.test.yaml", ("infra:password", null, true));
        Assert.True(secure.Secret(Password, required: true));
        Assert.Empty(secure.Errors);

        // Pulumi hands secrets to the compiler decrypted: there, plain is expected.
        var fromPulumi = Reader("PULUMI_CONFIG", ("infra:password", JsonValue.Create("hunter2"), false));
        Assert.True(fromPulumi.Secret(Password, required: true));
        Assert.Empty(fromPulumi.Errors);
    }

    [Fact]
    public void A_secure_value_never_shows_in_a_message()
    {
        var reader = Reader("Pulumi.test.yaml", ("infra:number", JsonValue.Create("abc"), true));
        Assert.Equal(5, reader.Integer(Number, 5, 1, 10));
        Assert.Null(Single(reader).Value);
        Assert.StartsWith("is stored as a secret (secure:), but it is not a secret", Single(reader).Problem);
        Assert.Equal("1 to 10; set it without --secret: pulumi config set infra:number VALUE --stack test", Single(reader).Allowed);
        Assert.Equal("[secret]", new RawConfigValue(JsonValue.Create("abc"), true).Display);
        Assert.Equal("", new RawConfigValue(null, false).Display);
    }

    [Fact]
    public void Unknown_keys_get_a_suggestion_keys_of_other_tiers_are_named_and_other_namespaces_are_ignored()
    {
        var source = new ConfigSource(new Dictionary<string, RawConfigValue>
        {
            ["infra:txet"] = new(JsonValue.Create("x"), false),
            ["infra:region"] = new(JsonValue.Create("eu-west-1"), false),
            ["infra:zzzzzzzz"] = new(JsonValue.Create("1"), false),
            ["infra:text"] = new(JsonValue.Create("ok"), false),
            ["aws:region"] = new(JsonValue.Create("eu-west-1"), false),
        }, "Pulumi.test.yaml");
        var reader = new ConfigReader(source, "test", Tier.Laptop, Keys, ["infra:region"]);
        reader.CheckUnknownKeys();
        Assert.Equal(3, reader.Errors.Count);
        var typo = reader.Errors.Single(e => e.Key == "infra:txet");
        // An unknown key may hold a secret: its value is never quoted.
        Assert.Equal(((string?)null, "is not a known key. Did you mean infra:text?"), (typo.Value, typo.Problem));
        Assert.Equal("the keys of tier laptop: infra:flag, infra:items, infra:level, infra:map, infra:number, infra:password, infra:text", typo.Allowed);
        var other = reader.Errors.Single(e => e.Key == "infra:region");
        Assert.Equal(("is not used by tier laptop.", "remove it (pulumi config rm infra:region --stack test)"), (other.Problem, other.Allowed));
        Assert.Equal("is not a known key.", reader.Errors.Single(e => e.Key == "infra:zzzzzzzz").Problem);
    }

    [Fact]
    public void Every_problem_is_thrown_together_naming_the_stack_and_the_origin()
    {
        var reader = Reader(("infra:number", JsonValue.Create("x")), ("infra:flag", JsonValue.Create("x")));
        reader.Integer(Number, 5, 1, 10);
        reader.Boolean(Flag, true);
        reader.Report(Text, null, "clashes.");
        var error = Assert.Throws<ConfigException>(reader.ThrowIfInvalid);
        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("Invalid configuration for stack 'test' (Pulumi.test.yaml), 3 problems:\n  - infra:number = \"x\": is not a whole number. Allowed: 1 to 10.\n", error.Message);
        Assert.Contains("\n  - infra:text: clashes. Allowed: any text.\n", error.Message);
        Assert.EndsWith("Fix with `pulumi config set KEY VALUE --stack test` (or `pulumi config rm KEY`), or edit Pulumi.test.yaml.", error.Message);
        Assert.Equal("Pulumi.test.yaml", reader.Origin);
        Assert.Equal(Tier.Laptop, reader.Tier);
        Assert.Equal("test", reader.Stack);
        Assert.Equal(Keys.Length, reader.Keys.Count);
    }

    [Fact]
    public void One_problem_is_one_problem_and_long_values_are_cut()
    {
        var error = new ConfigException("s", "o", [new ConfigError("infra:k", new string('v', 81), "is wrong.", null)]);
        Assert.StartsWith("Invalid configuration for stack 's' (o), 1 problem:\n", error.Message);
        Assert.Contains($"infra:k = \"{new string('v', 77)}...\": is wrong.\n", error.Message);
        Assert.Equal($"infra:k = \"{new string('v', 80)}\": is wrong.", new ConfigError("infra:k", new string('v', 80), "is wrong.", null).Render());
        Assert.Equal("infra:k: is wrong. Allowed: x.", new ConfigError("infra:k", null, "is wrong.", "x").Render());
    }

    // ConfigSource ----------------------------------------------------------------------------

    [Fact]
    public void Pulumi_config_json_becomes_the_source()
    {
        var source = ConfigSource.FromPulumiConfigJson("""{"infra:owner": "bob", "infra:services": ["a"], "infra:none": null}""");
        Assert.Equal("PULUMI_CONFIG", source.Origin);
        Assert.Equal("bob", source.Values["infra:owner"].Display);
        Assert.Equal("[\"a\"]", source.Values["infra:services"].Display);
        Assert.Equal("", source.Values["infra:none"].Display);
        Assert.All(source.Values.Values, v => Assert.False(v.IsSecure));
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON (line 1, byte 2).")]
    [InlineData("[1, 2]", "is a JSON list, not an object of config keys.")]
    public void Bad_pulumi_config_json_is_a_source_error(string json, string problem)
    {
        var error = Assert.Single(Assert.Throws<ConfigSourceException>(() => ConfigSource.FromPulumiConfigJson(json)).Errors);
        Assert.Equal(("PULUMI_CONFIG", (string?)null, problem, ConfigFix.PulumiConfig), (error.Key, error.Value, error.Problem, error.Fix));
    }

    [Fact]
    public void A_stack_file_gives_strings_lists_objects_and_secure_markers()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("infra-config-").FullName, "Pulumi.s.yaml");
        File.WriteAllText(path, """
            config:
              infra:owner: bob
              infra:port: 8080
              infra:list: [a, b]
              infra:map: {k: v}
              infra:password:
                secure: AAABAHx
              infra:notSecure:
                secure: x
                other: y
            """);
        var source = ConfigSource.FromStackFile(path);
        Assert.Equal("Pulumi.s.yaml", source.Origin);
        Assert.Equal("bob", source.Values["infra:owner"].Display);
        Assert.Equal("8080", source.Values["infra:port"].Display);
        Assert.Equal("[\"a\",\"b\"]", source.Values["infra:list"].Display);
        Assert.Equal("{\"k\":\"v\"}", source.Values["infra:map"].Display);
        Assert.True(source.Values["infra:password"].IsSecure);
        Assert.Null(source.Values["infra:password"].Node);
        Assert.Equal("[secret]", source.Values["infra:password"].Display);
        Assert.False(source.Values["infra:notSecure"].IsSecure);
        Assert.Equal("{\"secure\":\"x\",\"other\":\"y\"}", source.Values["infra:notSecure"].Display);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("encryptionsalt: x\n", 0)]
    [InlineData("config:\n", 0)]
    public void A_stack_file_without_config_has_no_values(string yaml, int count)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("infra-config-").FullName, "Pulumi.s.yaml");
        File.WriteAllText(path, yaml);
        Assert.Equal(count, ConfigSource.FromStackFile(path).Values.Count);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Theory]
    [InlineData("config: [a]\n", "Pulumi.s.yaml: config", "is a YAML list, not a mapping of keys to values.")]
    [InlineData("- a\n", "Pulumi.s.yaml", "is a YAML list, but a stack file is a mapping with a `config:` section.")]
    [InlineData("config:\n  infra:owner: [unclosed\n", "Pulumi.s.yaml", "is not valid YAML: line 3, column 1: ")]
    public void A_malformed_stack_file_is_a_source_error_fixed_in_an_editor(string yaml, string key, string problem)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("infra-config-").FullName, "Pulumi.s.yaml");
        File.WriteAllText(path, yaml);
        var error = Assert.Single(Assert.Throws<ConfigSourceException>(() => ConfigSource.FromStackFile(path)).Errors);
        Assert.Equal((key, ConfigFix.EditStackFile), (error.Key, error.Fix));
        Assert.StartsWith(problem, error.Problem);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void An_empty_source_has_no_values_and_keeps_its_origin()
    {
        var source = ConfigSource.Empty("here");
        Assert.Empty(source.Values);
        Assert.Equal("here", source.Origin);
    }

    [Fact]
    public void Every_common_key_says_what_it_does_and_what_it_allows()
    {
        // Help texts and error messages take these from the key itself.
        foreach (var key in CommonKeys.All)
        {
            Assert.Matches("^[a-z][A-Za-z]+$", key.Name);
            Assert.True(key.Description.Length > 10 && key.Description.EndsWith('.'), $"{key}: '{key.Description}'");
            Assert.True(key.Allowed.Length > 3, $"{key}: '{key.Allowed}'");
        }
        Assert.Equal(ConfigKind.StringList, CommonKeys.Services.Kind);
        Assert.Equal(ConfigKind.Object, CommonKeys.Catalog.Kind);
        Assert.Equal(ConfigKind.Boolean, CommonKeys.DeployOnPush.Kind);
        foreach (var name in new[] { "infra:tier", "infra:environment", "infra:owner", "infra:services", "infra:catalog", "infra:logLevel",
                     "infra:policyExemptions", "infra:allowedInstanceTypes", "infra:schedule", "infra:deployOnPush" })
            Assert.Contains(name, CommonKeys.All.Select(k => k.FullName));
    }

    [Fact]
    public void Keys_print_with_their_namespace()
    {
        Assert.Equal("infra:owner", CommonKeys.Owner.FullName);
        Assert.Equal("infra:owner", CommonKeys.Owner.ToString());
        Assert.Contains(CommonKeys.DeployOnPush, CommonKeys.All);
        Assert.Equal(CommonKeys.All.Count, CommonKeys.All.Select(k => k.FullName).Distinct().Count());
    }
}

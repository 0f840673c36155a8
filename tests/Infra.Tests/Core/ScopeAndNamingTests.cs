using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

public class ScopeAndNamingTests
{
    [Fact]
    public void Components_prefix_their_children_and_parent_them_to_their_declared_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "db", db =>
        {
            _ = new TestResource(db, "volume", "test:index:Volume");
            db.DeclareAnchor(new TestResource(db, "server", "test:index:Server"));
            _ = new TestComponent(db, "backup", backup => backup.DeclareAnchor(new TestResource(backup, "job", "test:index:Job")));
        });

        var resources = ProgramYaml.Parse(bp.ToYaml()).At("resources");
        Assert.False(resources.At("db-server", "options").Has("parent"));
        Assert.Equal("${db-server}", resources.At("db-volume", "options", "parent").Text());
        Assert.Equal("${db-server}", resources.At("db-backup-job", "options", "parent").Text());
        Assert.Equal("unit/db/backup", bp.FindResource("db-backup-job")!.Scope.Path);
    }

    [Fact]
    public void A_name_collision_is_an_error_naming_both_creators()
    {
        var bp2 = TestBlueprint.Create();
        _ = new TestComponent(bp2, "app", app => app.DeclareAnchor(new TestResource(app, "db", "test:index:A")));
        var collision = Assert.Throws<SynthesisException>(() => new TestResource(bp2, "app-db", "test:index:B"));
        Assert.Contains("Two resources are named 'app-db'", collision.Message);
        Assert.Contains("test:index:A created by TestComponent 'unit/app'", collision.Message);
        Assert.Contains("test:index:B created by the stack root of 'unit'", collision.Message);
    }

    [Fact]
    public void Two_components_with_the_same_id_path_collide()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "net");
        var error = Assert.Throws<SynthesisException>(() => new TestComponent(bp, "net"));
        Assert.Contains("Two components have the id path 'net'", error.Message);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("double--hyphen")]
    [InlineData("trailing-")]
    [InlineData("dot.ted")]
    [InlineData("")]
    public void Invalid_ids_are_refused_with_the_rule(string id)
    {
        var bp = TestBlueprint.Create();
        var error = Assert.Throws<SynthesisException>(() => new TestResource(bp, id, "test:index:R"));
        Assert.Contains("lower-case letters, digits and single hyphens", error.Message);
    }

    [Fact]
    public void Resource_names_must_start_with_a_letter_and_stay_short()
    {
        var bp = TestBlueprint.Create();
        Assert.Contains("must start with a letter",
            Assert.Throws<SynthesisException>(() => new TestResource(bp, "9lives", "test:index:R")).Message);
        Assert.Contains("the limit is 100",
            Assert.Throws<SynthesisException>(() => new TestResource(bp, new string('a', 101), "test:index:R")).Message);
    }

    [Fact]
    public void Resources_variables_and_config_share_one_namespace()
    {
        var bp = TestBlueprint.Create();
        _ = bp.Variable<string>("region", "eu-west-1");
        var error = Assert.Throws<SynthesisException>(() => bp.DeclareConfig<string>("region", ConfigType.String, secret: false));
        Assert.Contains("'region' is used twice", error.Message);
    }

    [Fact]
    public void Outputs_need_unique_camel_case_names()
    {
        var bp = TestBlueprint.Create();
        bp.Output("appUrl", "http://localhost");
        Assert.Contains("exported twice", Assert.Throws<SynthesisException>(() => bp.Output("appUrl", "x")).Message);
        Assert.Contains("camelCase", Assert.Throws<SynthesisException>(() => bp.Output("app-url", "x")).Message);
    }
}

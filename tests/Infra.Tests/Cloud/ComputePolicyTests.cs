using System.IO.Compression;
using System.Text;
using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-008 (user-data size), CLD-009 (EBS volumes), CLD-013 (log retention).</summary>
public sealed class ComputePolicyTests
{
    private static FunctionCall ToBase64(string text) => new("fn::toBase64", new StringLiteral(text));

    [Fact]
    public void Cld008_user_data_may_be_16384_bytes_before_base64_not_16385()
    {
        var ok = new PolicyFixture();
        ok.Add("fleet", Tokens.LaunchTemplate, ("userData", ToBase64(new string('x', 16384))));
        ok.Add("server", Tokens.Instance, ("userData", "#!/bin/sh\n" + new string('x', 16374)));
        ok.AssertNone("CLD-008");

        var f = new PolicyFixture();
        f.Add("fleet", Tokens.LaunchTemplate, ("userData", ToBase64(new string('x', 16385))));
        f.AssertOne("CLD-008", "fleet", "userData", "is 16,385 bytes before base64; EC2 accepts at most 16,384");
    }

    [Fact]
    public void Cld008_counts_utf8_bytes_not_characters()
    {
        var f = new PolicyFixture();
        f.Add("server", Tokens.Instance, ("userData", "#!/bin/sh\n# " + new string('é', 8200))); // 12 + 16,400 bytes
        f.AssertOne("CLD-008", "server", "userData", "is 16,412 bytes before base64");
    }

    [Fact]
    public void Cld008_counts_the_raw_bytes_of_literal_base64_and_gzip_as_sent()
    {
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("peer 10.0.0.1 accounts\n", 2000))); // ~46 KB, compresses well
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(large);
        var ok = new PolicyFixture();
        ok.Add("fleet", Tokens.LaunchTemplate, ("userData", Convert.ToBase64String(buffer.ToArray())));
        ok.AssertNone("CLD-008");

        var f = new PolicyFixture();
        f.Add("server", Tokens.Instance, ("userDataBase64", Convert.ToBase64String(large)));
        f.AssertOne("CLD-008", "server", "userDataBase64", $"is {large.Length:N0} bytes before base64");
    }

    [Fact]
    public void Cld008_counts_literal_parts_of_an_interpolation_as_a_lower_bound()
    {
        var f = new PolicyFixture();
        var bucket = f.Add("bucket", Tokens.Bucket);
        f.Add("server", Tokens.Instance, ("userData", new Interpolation([new StringLiteral(new string('x', 16385)), Ref(bucket, "arn")])));
        f.AssertOne("CLD-008", "server", "userData", "is at least 16,385 bytes");
    }

    [Theory]
    [InlineData("gp3", 0, "is 0 GiB; gp3 volumes take 1-65,536 GiB")]
    [InlineData("gp3", 65537, "gp3 volumes take 1-65,536 GiB")]
    [InlineData("gp2", 16385, "gp2 volumes take 1-16,384 GiB")]
    [InlineData("st1", 124, "st1 volumes take 125-16,384 GiB")]
    [InlineData("standard", 1025, "standard volumes take 1-1,024 GiB")]
    [InlineData("gp4", 10, "not an EBS volume type")]
    public void Cld009_flags_sizes_outside_the_volume_types_range(string type, int size, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("data", Tokens.EbsVolume, ("type", type), ("size", size));
        f.AssertOne("CLD-009", "data", type == "gp4" ? "type" : "size", fragment);
    }

    [Theory]
    [InlineData("gp3", 1)]
    [InlineData("gp3", 65536)]
    [InlineData("gp2", 16384)]
    [InlineData("st1", 125)]
    [InlineData("standard", 1024)]
    public void Cld009_passes_the_ends_of_each_range(string type, int size)
    {
        var f = new PolicyFixture();
        f.Add("data", Tokens.EbsVolume, ("type", type), ("size", size));
        f.AssertNone("CLD-009");
    }

    [Fact]
    public void Cld009_checks_iops_and_throughput_per_type_wherever_the_volume_is_declared()
    {
        var f = new PolicyFixture();
        f.Add("server", Tokens.Instance, ("rootBlockDevice", Obj(("volumeType", "gp2"), ("volumeSize", 8), ("iops", 3000))));
        f.Add("fleet", Tokens.LaunchTemplate, ("blockDeviceMappings", List(Obj(("deviceName", "/dev/xvda"),
            ("ebs", Obj(("volumeType", "gp3"), ("volumeSize", "20"), ("throughput", 2001)))))));
        f.Add("db", Tokens.EbsVolume, ("type", "io1"), ("size", 100));
        f.Add("fast", Tokens.EbsVolume, ("type", "gp3"), ("size", 10), ("iops", 5001));
        var problems = f.Run("CLD-009").Select(v => $"{v.Subject} {v.Property}: {v.Problem}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains("db iops: is not set; io1 volumes require it", problems[0], StringComparison.Ordinal);
        Assert.Contains("fast iops: is 5,001 for 10 GiB; gp3 allows at most 500 IOPS per GiB", problems[1], StringComparison.Ordinal);
        Assert.Contains("fleet blockDeviceMappings[0].ebs.throughput: is 2,001 MiB/s", problems[2], StringComparison.Ordinal);
        Assert.Contains("server rootBlockDevice.iops: is set (3,000), but gp2 volumes take no IOPS setting", problems[3], StringComparison.Ordinal);

        var ok = new PolicyFixture();
        ok.Add("tiny", Tokens.EbsVolume, ("type", "gp3"), ("size", 1), ("iops", 3000), ("throughput", 125)); // the baseline on any size
        ok.Add("fast", Tokens.EbsVolume, ("type", "gp3"), ("size", 10), ("iops", 5000), ("throughput", 1250));
        ok.Add("db", Tokens.EbsVolume, ("type", "io2"), ("size", 4), ("iops", 4000));
        ok.Add("server", Tokens.Instance, ("rootBlockDevice", Obj(("volumeSize", 8)))); // no type: the AMI's, unknown here
        ok.AssertNone("CLD-009");
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(3653, true)]
    [InlineData(0, true)]
    [InlineData(31, false)]
    [InlineData(3654, false)]
    public void Cld013_log_retention_is_one_of_the_accepted_periods(int days, bool accepted)
    {
        var f = new PolicyFixture();
        f.Add("logs", "aws:cloudwatch/logGroup:LogGroup", ("name", "/x"), ("retentionInDays", days));
        if (accepted) f.AssertNone("CLD-013");
        else f.AssertOne("CLD-013", "logs", "retentionInDays", $"is {days}, not a retention CloudWatch Logs accepts");
    }
}

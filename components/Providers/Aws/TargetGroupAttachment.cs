using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:lb/targetGroupAttachment:TargetGroupAttachment</c>.</summary>
public sealed class TargetGroupAttachment(Scope scope, string id, TargetGroupAttachmentArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/targetGroupAttachment:TargetGroupAttachment";
}

public sealed class TargetGroupAttachmentArgs : Args
{
    public required Input<string> TargetGroupArn { get; init; }
    public required Input<string> TargetId { get; init; }
    public Input<int>? Port { get; init; }
}

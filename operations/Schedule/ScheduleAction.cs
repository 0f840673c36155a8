namespace Infra.Operations.Schedule;

/// <summary>What the hourly scheduler should do with a stack right now.</summary>
public enum ScheduleAction
{
    Nothing,
    Up,
    Destroy,
}

public static class ScheduleActionText
{
    /// <summary>The word <c>infra schedule</c> prints and CI matches on: <c>up</c>, <c>destroy</c> or <c>nothing</c>.</summary>
    public static string ToCommandWord(this ScheduleAction action) => action switch
    {
        ScheduleAction.Up => "up",
        ScheduleAction.Destroy => "destroy",
        _ => "nothing",
    };
}

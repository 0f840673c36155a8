namespace Infra.Platform.Configuration;

public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
}

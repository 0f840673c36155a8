namespace Infra.Tests.Dc9;

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("infra-dc9-").FullName;

    public string Write(string relative, string content, bool executable = false)
    {
        var file = System.IO.Path.Combine(Path, relative.TrimStart('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        if (executable && !OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

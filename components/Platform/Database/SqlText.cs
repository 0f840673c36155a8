namespace Infra.Platform.Database;

/// <summary>Quoting for the SQL the generators write.</summary>
internal static class SqlText
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <param name="what">Names the value in the error, e.g. <c>app password</c>.</param>
    public static string Literal(string value, string what)
    {
        if (value.Any(char.IsControl))
            throw new DatabaseConfigException($"The {what} contains a line break or control character: use printable characters.");
        return "'" + value.Replace("'", "''") + "'";
    }
}

namespace ECommerce.ApiLoad.Setup;

/// <summary>The app's SQLite file, opened beside the running app for setup and for the invariants.</summary>
internal sealed class ShopDatabase(string path)
{
    public string Path { get; } = path;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>One write transaction (plain BEGIN/COMMIT, so the helpers below need no transaction object).</summary>
    public void Write(Action<SqliteConnection> work)
    {
        using var connection = Open();
        Execute(connection, "BEGIN IMMEDIATE;");
        work(connection);
        Execute(connection, "COMMIT;");
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>The first two columns of every row, as key and number.</summary>
    public Dictionary<string, long> Pairs(string sql)
    {
        using var connection = Open();
        using var command = Command(connection, sql);
        using var reader = command.ExecuteReader();
        var pairs = new Dictionary<string, long>();
        while (reader.Read())
        {
            pairs[reader.GetString(0)] = reader.GetInt64(1);
        }

        return pairs;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }
}

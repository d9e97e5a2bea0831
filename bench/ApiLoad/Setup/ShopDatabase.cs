using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace ECommerce.ApiLoad.Setup;

/// <summary>
/// The running shop's database, opened beside the app for setup and for the invariants: the SQLite file of the
/// app bench/api.sh starts (<c>--database FILE</c>), or the PostgreSQL database of a running cluster
/// (<c>--postgresql CONNECTION</c>, what <c>scripts/cluster.sh status</c> prints). The bench's SQL is written once,
/// in SQLite's spelling (bare PascalCase names, <c>$name</c> parameters); on PostgreSQL, whose tables EF created
/// with quoted mixed-case names, <see cref="Command"/> respells it (<see cref="ForPostgreSql"/>).
/// </summary>
internal sealed partial class ShopDatabase
{
    private readonly string _connectionString;

    private ShopDatabase(string connectionString, bool isPostgreSql) => (_connectionString, IsPostgreSql) = (connectionString, isPostgreSql);

    public bool IsPostgreSql { get; }

    public static ShopDatabase SqliteFile(string path) => new($"Data Source={path};Pooling=False", isPostgreSql: false);

    public static ShopDatabase PostgreSql(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "api-bench" }.ConnectionString, isPostgreSql: true);

    public DbConnection Open()
    {
        DbConnection connection = IsPostgreSql ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        if (!IsPostgreSql)
        {
            Execute(connection, "PRAGMA busy_timeout = 30000;");
        }

        return connection;
    }

    /// <summary>One write transaction (plain BEGIN/COMMIT, so the helpers below need no transaction object).</summary>
    public void Write(Action<DbConnection> work)
    {
        using var connection = Open();
        Execute(connection, IsPostgreSql ? "BEGIN;" : "BEGIN IMMEDIATE;");
        work(connection);
        Execute(connection, "COMMIT;");
    }

    /// <summary>A moment as the store keeps it: EF's text on SQLite, a timestamp with time zone on PostgreSQL.</summary>
    public object Timestamp(DateTime at) =>
        IsPostgreSql ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>A duration as the store keeps it: EF's text on SQLite, an interval on PostgreSQL.</summary>
    public object Duration(TimeSpan length) => IsPostgreSql ? length : length.ToString("c", CultureInfo.InvariantCulture);

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
            pairs[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return pairs;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var postgreSql = connection is NpgsqlConnection;
        var command = connection.CreateCommand();
        command.CommandText = postgreSql ? ForPostgreSql(sql) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = postgreSql ? "@" + name.TrimStart('$') : name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Sets a parameter added by <see cref="Command"/>, named as the SQL names it (<c>$name</c>).</summary>
    public static void Set(DbCommand command, string name, object value) =>
        command.Parameters[command is NpgsqlCommand ? "@" + name.TrimStart('$') : name].Value = value;

    public static void Execute(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// SQLite's spelling to PostgreSQL's: outside string literals, <c>$name</c> becomes <c>@name</c> and each
    /// PascalCase name (a table or column: keywords are written in capitals, functions and aliases in lower case)
    /// is quoted, as EF created it.
    /// </summary>
    internal static string ForPostgreSql(string sql) => string.Concat(Literals().Split(sql).Select((part, i) =>
        i % 2 == 1 ? part : PascalName().Replace(Parameter().Replace(part, "@$1"), "\"$1\"")));

    [GeneratedRegex("('(?:[^']|'')*')")]
    private static partial Regex Literals();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"(?<![\w""@])([A-Z][a-z]\w*)(?![\w""])")]
    private static partial Regex PascalName();
}

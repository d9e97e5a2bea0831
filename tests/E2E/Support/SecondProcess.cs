using ECommerce.Domain;
using ECommerce.Domain.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.E2E.Support;

/// <summary>
/// The shop's domain opened on the running storefront's database file, as a second process would: for what a
/// test must arrange (a sold-out product) and for the shopper steps whose storefront pages live on another
/// branch (claiming a coupon, ordering and paying).
/// </summary>
public sealed class SecondProcess : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _connectionString;

    private SecondProcess(ServiceProvider services, string connectionString)
    {
        _services = services;
        _connectionString = connectionString;
    }

    public static SecondProcess Open(StorefrontProcess app)
    {
        var connectionString = $"Data Source={app.DatabasePath}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:Database:ConnectionString"] = connectionString })
            .Build();
        return new SecondProcess(new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider(), connectionString);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new product with a unique name ("<paramref name="kind"/> 1a2b3c4d") in the first category.</summary>
    public async Task<ProductDetail> AddProductAsync(string kind, long price, int stock)
    {
        var category = (await Get<CatalogService>().GetCategoriesAsync())[0];
        var added = await Get<InventoryService>().AddProductAsync(
            new NewProduct(category.Id, $"{kind} {Guid.NewGuid():N}"[..(kind.Length + 9)], "", price, stock), "e2e");
        return added.Value ?? throw new InvalidOperationException(added.ToString());
    }

    /// <summary>The shopper id the domain knows for an account: its Identity user id.</summary>
    public async Task<string> ShopperIdAsync(string email)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = $email";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No account for {email}.");
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

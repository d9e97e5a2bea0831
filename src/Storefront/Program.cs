using ECommerce.Storefront.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddStorefront();

var app = builder.Build();
await app.PrepareShopAsync();
app.UseStorefront();
await app.RunAsync();

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;

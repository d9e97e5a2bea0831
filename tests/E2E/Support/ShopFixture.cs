namespace ECommerce.E2E.Support;

/// <summary>One running storefront and one Chromium for the whole E2E run; each test gets its own browser context.</summary>
public sealed class ShopFixture : IAsyncLifetime
{
    private StorefrontProcess? _app;
    private Chromium? _chromium;
    private ShopDomain? _domain;

    public StorefrontProcess App => _app ?? throw new InvalidOperationException("Not started.");
    public IBrowser Browser => _chromium?.Browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>The domain over the app's database, for arranging situations (see <see cref="ShopDomain"/>).</summary>
    public ShopDomain Domain => _domain ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await StorefrontProcess.StartAsync();
        _domain = await ShopDomain.OpenAsync(_app.DatabasePath);
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_domain is not null)
        {
            await _domain.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<ShopFixture>
{
    public const string Name = "shop";
}

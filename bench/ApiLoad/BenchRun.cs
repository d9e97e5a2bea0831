using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad;

/// <summary>
/// What every scenario shares: the running app (one instance, or several behind a load balancer), its database, the size, the shoppers' bearer tokens
/// (signed in once, through the API, before anything is measured) and the floor at each connection count.
/// </summary>
internal sealed class BenchRun(Uri app, IReadOnlyList<int> appProcessIds, ShopDatabase database, LoadSize size, bool idempotencyKeys = true)
{
    private readonly Dictionary<int, double> _floors = [];
    private readonly Dictionary<int, string> _tokens = [];

    /// <summary>Keeps this run's idempotency keys apart from an earlier run's against the same app and database.</summary>
    private readonly string _nonce = Guid.NewGuid().ToString("N")[..8];

    public Uri App { get; } = app;
    public ShopDatabase Database { get; } = database;
    public LoadSize Size { get; } = size;

    /// <summary>
    /// The Idempotency-Key to send, or none when the run was asked to go without (--without-idempotency-keys): an A/B
    /// switch that shows what remembering each outcome costs a place or a pay.
    /// </summary>
    public string? IdempotencyKey(string key) => idempotencyKeys ? $"{_nonce}-{key}" : null;

    public string Keys => idempotencyKeys ? "" : " idempotency_keys=off";

    /// <summary>A meter of the app's and the generator's processor time, for one measured window.</summary>
    public CpuMeter Cpu() => new(appProcessIds);

    /// <summary>
    /// The shopper's Authorization header value, "Bearer " and the token, built once at sign-in: a request copies no
    /// 700-character string on the generator's side of the two shared cores.
    /// </summary>
    public string Bearer(int shopper) => _tokens[shopper];

    /// <summary>Signs in every shopper of <paramref name="shoppers"/> not yet signed in; prints how long it took.</summary>
    public async Task SignInAsync(ShopperRange shoppers)
    {
        var missing = shoppers.Numbers.Where(n => !_tokens.ContainsKey(n)).ToArray();
        var tokens = new string?[missing.Length];
        using var api = new ShopApi(App, 16);
        var failures = new Failures("sign-in");
        var seconds = await Load.EachAsync(16, missing.Length, async i =>
        {
            var reply = await api.PostAsync("/api/auth/login", null,
                new { email = BenchAccounts.ShopperEmail(missing[i]), password = BenchAccounts.Password });
            tokens[i] = failures.Check(reply, "POST /api/auth/login", 200) ? reply.String("accessToken") : null;
        });
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} of {missing.Length} sign-ins failed: the run cannot go on.");
        }

        for (var i = 0; i < missing.Length; i++)
        {
            _tokens[missing[i]] = $"Bearer {tokens[i]}";
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"setup: signed in {missing.Length} shoppers in {seconds:0.0} s ({missing.Length / Math.Max(seconds, 0.001):0}/s)"));
    }

    /// <summary>
    /// GET /api/ping (anonymous, through the same middleware, limiter and routing) at <paramref name="connections"/>
    /// connections, once per connection count and run: the most this app and this generator can do together.
    /// </summary>
    public async Task<double> FloorAsync(int connections)
    {
        if (_floors.TryGetValue(connections, out var known))
        {
            return known;
        }

        using var api = new ShopApi(App, connections);
        var failures = new Failures("floor");
        var warmedUp = await WarmUp.RunAsync(this, $"floor at {connections} connections", _ =>
            Load.ForAsync(connections, Size.FloorDuration / 2, async (_, _) => failures.Check(await api.GetAsync("/api/ping"), "GET /api/ping", 200)));
        var answered = 0;
        var cpu = Cpu();
        cpu.Start();
        var seconds = await Load.ForAsync(connections, Size.FloorDuration, async (_, _) =>
        {
            if (failures.Check(await api.GetAsync("/api/ping"), "GET /api/ping", 200))
            {
                Interlocked.Increment(ref answered);
            }
        });
        var floor = answered / seconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floor: GET /api/ping at {connections} connections: {floor:0}/s, {failures.Count} failures, {cpu.Stop(answered)} {warmedUp}"));
        return _floors[connections] = floor;
    }
}

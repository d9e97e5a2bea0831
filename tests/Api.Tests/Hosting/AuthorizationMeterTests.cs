using System.Diagnostics.Metrics;

namespace ECommerce.Api.Tests.Hosting;

/// <summary>
/// ASP.NET Core's authorization meter counts every authorised request; operations reads none of it, so the shop's
/// metrics do not listen to it and an authorised request (every API call but ping and sign-in) records nothing there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMeterTests(ApiFactory shop)
{
    [Fact]
    public async Task Authorised_requests_are_not_recorded_by_the_authorization_meter()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var wallet = await shopper.GetAsync("/api/wallet");
        Assert.Equal(HttpStatusCode.OK, wallet.StatusCode);

        // Publishing lists the instruments that exist; Enabled says whether any listener (the shop's) records them.
        var seen = new List<(string Name, bool Enabled)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Authorization")
                {
                    seen.Add((instrument.Name, instrument.Enabled));
                }
            },
        };
        listener.Start();

        Assert.NotEmpty(seen);
        Assert.All(seen, instrument => Assert.False(instrument.Enabled, $"{instrument.Name} is recorded"));
    }

    [Fact]
    public async Task The_request_metrics_are_still_recorded()
    {
        using var ping = await shop.CreateClient().GetAsync(new Uri("/api/ping", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);

        var enabled = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Enabled)
                {
                    enabled.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        Assert.Contains("http.server.request.duration", enabled);
    }
}

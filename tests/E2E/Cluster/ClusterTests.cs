using System.Text.RegularExpressions;

namespace ECommerce.E2E.Cluster;

/// <summary>
/// Two storefront instances on one PostgreSQL database behind nginx (scripts/cluster.sh): a shopper never notices
/// which instance serves them, nor that one died.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterTests(ClusterFixture cluster)
{
    private const string Beans = "Ethiopia Yirgacheffe Beans 500g"; // ₩24,000

    [Fact]
    public async Task The_whole_journey_runs_through_the_load_balancer_on_one_instance()
    {
        await using var context = await NewContextAsync(cluster.LoadBalancer);
        var page = await context.NewPageAsync();
        var instances = await NewShopperWithBeansInTheCartAsync(page);

        await Shopper.PlaceOrderAsync(page);
        await Shopper.PayAsync(page, 24_000);
        await Assertions.Expect(Shopper.HeaderBalance(page)).ToHaveTextAsync("₩6,000");

        // The affinity cookie keeps the pages, Blazor's negotiation and its circuit on one instance.
        Assert.Single(instances);
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other()
    {
        await cluster.ReviveAsync();
        var (first, second) = (cluster.Instances[0], cluster.Instances[1]);
        await using var context = await NewContextAsync(first);
        var page = await context.NewPageAsync();
        await Shopper.SignInAsync(page, returnUrl: "orders");

        // The same browser (the cookie is the host's, whatever the port) straight at the other instance.
        await page.GotoAsync(new Uri(second, "orders").ToString());
        await Shopper.WaitForInteractivityAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(second, "orders").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your orders" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_restock_and_a_new_product_on_one_instance_show_on_the_other()
    {
        await cluster.ReviveAsync();
        var (first, second) = (cluster.Instances[0], cluster.Instances[1]);
        var lamp = await cluster.Domain.AddProductAsync("E2E Lamp", 10_000, 0);

        // Added by another process: both instances' catalog indexes take it in at their next search.
        await using var shopperContext = await NewContextAsync(second);
        var shopper = await shopperContext.NewPageAsync();
        foreach (var instance in new[] { first, second })
        {
            await Shopper.GoToAsync(shopper, new Uri(instance, $"catalog?q={Uri.EscapeDataString(lamp.Name)}").ToString());
            await Assertions.Expect(shopper.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Heading))
                .ToHaveTextAsync([lamp.Name]);
        }

        await Shopper.GoToAsync(shopper, $"products/{lamp.Id}");
        await Assertions.Expect(shopper.GetByRole(AriaRole.Button, new() { Name = "Sold out" })).ToBeDisabledAsync();

        await using var adminContext = await NewContextAsync(first);
        var admin = await adminContext.NewPageAsync();
        await AdminUser.SignInAsync(admin, "admin/stock");
        await admin.GetByLabel("Product name").FillAsync(lamp.Name);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Restock or adjust {lamp.Name}" }).ClickAsync();
        await Shopper.WaitForInteractivityAsync(admin);
        await admin.GetByLabel("Units to add").FillAsync("5");
        await admin.GetByLabel("Reason").FillAsync("Delivery");
        // The instance has taken the typed change (it previews it) before it is saved: the fields are typed into as soon
        // as the product has loaded, and on a loaded machine the save's click can otherwise overtake them.
        await Assertions.Expect(admin.GetByText("0 → 5 after this change")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Reason")).ToHaveValueAsync("Delivery");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await AdminUser.AnswerDialogAsync(admin, "Save change");
        await Assertions.Expect(admin.GetByText("Saved: +5 units. The stock is now 5.")).ToBeVisibleAsync();

        // Seen on the other instance after a reload (live updates without one are the live-figures work).
        await shopper.ReloadAsync();
        await Shopper.WaitForInteractivityAsync(shopper);
        await Assertions.Expect(shopper.GetByRole(AriaRole.Button, new() { Name = "Add to cart" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task An_instance_killed_mid_journey_leaves_the_shopper_finishing_on_the_other()
    {
        await cluster.ReviveAsync();
        await using var context = await NewContextAsync(cluster.LoadBalancer);
        var page = await context.NewPageAsync();
        var instances = await NewShopperWithBeansInTheCartAsync(page);
        await Shopper.GoToAsync(page, "cart");
        var served = instances.Single();

        // The reconnect dialog may show for a moment only: the page notes each state it goes through where a reload keeps it.
        await page.EvaluateAsync("""
            () => document.getElementById('components-reconnect-modal').addEventListener('components-reconnect-state-changed',
                e => sessionStorage.setItem('reconnect-states', (sessionStorage.getItem('reconnect-states') ?? '') + e.detail.state + ' '))
            """);

        await cluster.KillInstanceAsync(served);

        // The circuit is gone with its process: the reconnect dialog shows, nginx sends the retry to the other
        // instance, which does not know the circuit, and the page loads afresh there.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (ServedBy(instances) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(2, ServedBy(instances));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Shopper.WaitForInteractivityAsync(page);
        var states = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('reconnect-states')");
        Assert.StartsWith("show", states);

        // Still signed in, the cart still full: both live in the database, the keys that read the cookie too.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(Shopper.CartCount(page)).ToHaveTextAsync("1");
        await Shopper.PlaceOrderAsync(page);
        await Shopper.PayAsync(page, 24_000);
        await Shopper.GoToAsync(page, "orders");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Paid" })).ToHaveCountAsync(1);
    }

    private static int ServedBy(HashSet<int> instances)
    {
        lock (instances)
        {
            return instances.Count;
        }
    }

    /// <summary>Registers through the load balancer, charges ₩30,000 and puts the beans in the cart; returns the instances that answered.</summary>
    private async Task<HashSet<int>> NewShopperWithBeansInTheCartAsync(IPage page)
    {
        var instances = AnsweringInstances(page);
        await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 30_000);
        await Shopper.AddToCartAsync(page, await cluster.Domain.ProductIdAsync(Beans));
        return instances;
    }

    private async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var context = await cluster.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>The ports of the instances nginx sent this page's requests to (its X-Shop-Instance header).</summary>
    private static HashSet<int> AnsweringInstances(IPage page)
    {
        var ports = new HashSet<int>();
        page.Response += (_, response) =>
        {
            if (response.Headers.TryGetValue("x-shop-instance", out var upstream))
            {
                // After a failover nginx lists every instance it tried: the last one answered.
                var port = int.Parse(InstancePort().Match(upstream.Split(',')[^1]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                lock (ports)
                {
                    ports.Add(port);
                }
            }
        };
        return ports;
    }

    [GeneratedRegex(@":(\d+)\s*$")]
    private static partial Regex InstancePort();
}

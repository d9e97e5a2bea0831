using ECommerce.Domain.Requests;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>
/// A batch reads the orders and kept answers of exactly the (shopper, request) pairs it holds: never another
/// shopper's row that happens to share a request key with one of the batch's pairs.
/// </summary>
public sealed class KeyPairsTests
{
    [Fact]
    public async Task Only_the_exact_pairs_are_read_not_every_combination_of_their_columns()
    {
        await using var shop = await ShopHarness.StartAsync();
        var now = shop.Clock.GetUtcNow().UtcDateTime;
        await shop.QueryAsync(async db =>
        {
            foreach (var (shopper, key) in new[] { ("ann", "k-1"), ("bob", "k-2"), ("cat", "k-1") })
            {
                db.IdempotentRequests.Add(new IdempotentRequest(shopper, key, "fingerprint", new RememberedOutcome(201, $"{shopper} {key}"), now));
            }

            return await db.SaveChangesAsync();
        });

        // ann/k-2 and bob/k-1 cross the two kept pairs' columns; dan has nothing; ann/k-1 twice is one pair.
        var found = await shop.QueryAsync(db => KeyPairs.Matching(db, db.IdempotentRequests, "IdempotentRequests", "ShopperId", "Key",
                [("ann", "k-2"), ("bob", "k-1"), ("ann", "k-1"), ("ann", "k-1"), ("dan", "k-1"), ("cat", "k-1")])
            .Select(r => r.ShopperId + " " + r.Key).ToListAsync());

        Assert.Equal(["ann k-1", "cat k-1"], found.Order());
    }

    [Fact]
    public async Task A_request_placed_again_finds_its_own_order_and_not_one_with_the_same_request_id_of_another_shopper()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 10);
        await shop.ChargeAsync("ann", 10_000);
        await shop.ChargeAsync("bob", 10_000);
        var ann = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "same-request"));
        var bob = await shop.Orders.PlaceAsync("bob", new PlaceOrder([new CartLine(product.Id, 2)], null, "same-request"));
        var annAgain = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 3)], null, "same-request"));

        Assert.NotEqual(ann.Value!.Id, bob.Value!.Id);
        Assert.Equal(ann.Value.Id, annAgain.Value!.Id);
        Assert.Equal(1, annAgain.Value.Lines.Single().Quantity);
        Assert.Equal(2, await shop.QueryAsync(db => db.Orders.CountAsync()));
    }
}

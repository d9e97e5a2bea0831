using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Api.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Storefront.Api;

public static class WalletEndpoints
{
    public static RouteGroupBuilder MapWallet(this RouteGroupBuilder api)
    {
        var wallet = api.MapGroup("/wallet").WithTags("Wallet");

        wallet.MapGet("/", async (HttpContext http, WalletService wallets) =>
                TypedResults.Ok(new BalanceView(await wallets.GetBalanceAsync(http.User.ShopperId()!, http.RequestAborted))))
            .WithName("GetBalance")
            .WithSummary("The signed-in shopper's balance in won.")
            .Produces<BalanceView>();

        wallet.MapGet("/ledger", async (HttpContext http, WalletService wallets, int? page, int? pageSize) =>
            {
                var (number, size) = ApiResults.Paging(page, pageSize);
                var ledger = await wallets.GetLedgerAsync(http.User.ShopperId()!, number, size, http.RequestAborted);
                return TypedResults.Ok(PageView<LedgerEntryView>.Of(ledger));
            })
            .WithName("GetLedger")
            .WithSummary("The balance's history, newest first.")
            .Produces<PageView<LedgerEntryView>>();

        wallet.MapPost("/charges", ChargeAsync)
            .WithName("ChargeWallet")
            .WithSummary("Adds an amount (won) to the balance. With an Idempotency-Key a repeat charges once.")
            .Produces<ChargeReceipt>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static Task<IResult> ChargeAsync(ChargeRequest body, HttpContext http, WalletService wallets, Idempotency idempotency,
        [FromHeader(Name = Idempotency.Header)] string? idempotencyKey)
    {
        var shopper = http.User.ShopperId()!;
        return idempotency.RunAsync(http, shopper, idempotencyKey, "charge", body, async () =>
        {
            // The wallet's own key makes a charge happen once even when two repeats race past the first lookup.
            var charged = await wallets.ChargeAsync(shopper, body.Amount, idempotencyKey ?? Guid.NewGuid().ToString("N"),
                http.RequestAborted);
            return charged.IsSuccess
                ? ApiOutcome.Of(StatusCodes.Status200OK, charged.Value, idempotency.Json)
                : ApiOutcome.Refused(http, charged.Error, idempotency.Json);
        });
    }
}

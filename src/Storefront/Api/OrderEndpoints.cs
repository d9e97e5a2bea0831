using ECommerce.Domain.Orders;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Api.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Storefront.Api;

/// <summary>A shopper's orders: place, pay, cancel, list, look at one. Another shopper's order answers 404.</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");

        orders.MapPost("/", PlaceAsync)
            .WithName("PlaceOrder")
            .WithSummary("Places an order of several lines, optionally with a coupon you hold; prices are frozen until it is paid or expires.")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        orders.MapPost("/{id:int}/payment", PayAsync)
            .WithName("PayOrder")
            .WithSummary("Pays the order from the balance. 402 carries the shortfall; 409 when its stock is gone.")
            .Produces<PaymentReceipt>()
            .Refuses(StatusCodes.Status402PaymentRequired, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        orders.MapPost("/{id:int}/cancellation", async (int id, HttpContext http, OrderService service) =>
                ApiResults.Ok(http, await service.CancelAsync(http.User.ShopperId()!, id, http.RequestAborted)))
            .WithName("CancelOrder")
            .WithSummary("Cancels an order awaiting payment; its coupon can be used again.")
            .Produces<OrderView>()
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        orders.MapGet("/", async (HttpContext http, OrderQueries queries, int? page, int? pageSize) =>
            {
                var (number, size) = ApiResults.Paging(page, pageSize);
                return TypedResults.Ok(PageView<OrderSummary>.Of(
                    await queries.GetMyOrdersAsync(http.User.ShopperId()!, number, size, http.RequestAborted)));
            })
            .WithName("MyOrders")
            .WithSummary("Your orders, newest first.")
            .Produces<PageView<OrderSummary>>();

        orders.MapGet("/{id:int}", async (int id, HttpContext http, OrderQueries queries) =>
                ApiResults.Ok(http, await queries.GetMyOrderAsync(http.User.ShopperId()!, id, http.RequestAborted)))
            .WithName("GetOrder")
            .WithSummary("One of your orders with its lines and coupon.")
            .Produces<OrderView>()
            .Refuses(StatusCodes.Status404NotFound);
        return api;
    }

    private static Task<IResult> PlaceAsync(PlaceOrderRequest body, HttpContext http, OrderService service, Idempotency idempotency,
        [FromHeader(Name = Idempotency.Header)] string? idempotencyKey)
    {
        var shopper = http.User.ShopperId()!;
        if (body.Lines.Any(l => l is null))
        {
            return Task.FromResult<IResult>(ApiProblems.For(http, ShopError.Invalid("Every order line needs a productId and a quantity.")));
        }

        // The key is the order's request id too, as the shop's own pages send one.
        var command = new PlaceOrder(
            body.Lines.Select(l => new CartLine(l.ProductId, l.Quantity)).ToList(), body.CouponId,
            idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return idempotency.RunKeptAsync<OrderView>(http, idempotencyKey, "place", body,
            placed => placed.IsSuccess
                ? ApiOutcome.Of(StatusCodes.Status201Created, placed.Value, idempotency.Json)
                : ApiOutcome.Refused(http, placed.Error, idempotency.Json),
            () => service.PlaceAsync(shopper, command, http.RequestAborted),
            key => service.PlaceAsync(shopper, command, key, http.RequestAborted));
    }

    private static Task<IResult> PayAsync(int id, HttpContext http, OrderService service, Idempotency idempotency,
        [FromHeader(Name = Idempotency.Header)] string? idempotencyKey)
    {
        var shopper = http.User.ShopperId()!;
        return idempotency.RunKeptAsync<PaymentReceipt>(http, idempotencyKey, "pay", new { OrderId = id },
            paid => paid.IsSuccess
                ? ApiOutcome.Of(StatusCodes.Status200OK, paid.Value, idempotency.Json)
                : ApiOutcome.Refused(http, paid.Error, idempotency.Json),
            () => service.PayAsync(shopper, id, http.RequestAborted),
            key => service.PayAsync(shopper, id, key, http.RequestAborted));
    }
}

using ECommerce.Domain.Administration;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Storefront.Api.Contracts;

namespace ECommerce.Storefront.Api;

/// <summary>The admin area over the API (role Admin): orders, stock, campaigns, data-platform messages.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin")
            .RequireAuthorization(ApiRegistration.AdminPolicy)
            .AddEndpointFilter((invocation, next) =>
                invocation.HttpContext.RequestServices.GetRequiredService<AdminAccount>().CheckAsync(invocation, next))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Admin");

        admin.MapGet("/orders", SearchOrdersAsync)
            .WithName("AdminOrders")
            .WithSummary("Every shopper's orders, filtered by status, shopper id and a [from, to) UTC range, newest first.")
            .Produces<PageView<AdminOrderRow>>()
            .Refuses(StatusCodes.Status400BadRequest);

        admin.MapGet("/stock", async (HttpContext http, StockList stock, bool? low, string? keyword, int? page, int? pageSize) =>
            {
                var (number, size) = ApiResults.Paging(page, pageSize);
                var found = await stock.SearchAsync(new StockQuery(keyword, low ?? false, StockSort.Name, number, size), http.RequestAborted);
                return found.IsSuccess ? (IResult)TypedResults.Ok(PageView<StockRow>.Of(found.Value)) : ApiProblems.For(http, found.Error);
            })
            .WithName("AdminStock")
            .WithSummary("Products with their stock; low=true for those at or below the low-stock threshold.")
            .Produces<PageView<StockRow>>()
            .Refuses(StatusCodes.Status400BadRequest);

        admin.MapPost("/stock/{productId:int}/adjustments", async (int productId, StockAdjustmentRequest body, HttpContext http,
                InventoryService inventory) =>
                ApiResults.Ok(http, await inventory.AdjustStockAsync(productId, body.Delta, body.Reason, AdminAccount.NameOf(http),
                    body.ExpectedStock, http.RequestAborted)))
            .WithName("AdjustStock")
            .WithSummary("Restocks (positive delta) or corrects the stock, with a reason kept in its history.")
            .Produces<ProductDetail>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        admin.MapGet("/campaigns", async (HttpContext http, CampaignList campaigns, int? page, int? pageSize) =>
            {
                var (number, size) = ApiResults.Paging(page, pageSize);
                return TypedResults.Ok(PageView<CampaignView>.Of(await campaigns.GetPageAsync(number, size, http.RequestAborted)));
            })
            .WithName("AdminCampaigns")
            .WithSummary("Every campaign with issued, remaining and used counts, newest first.")
            .Produces<PageView<CampaignView>>();

        admin.MapPost("/campaigns", async (NewCampaignRequest body, HttpContext http, CouponService coupons) =>
                ApiResults.Created(http, await coupons.CreateCampaignAsync(body.ToCampaign(), AdminAccount.NameOf(http), http.RequestAborted),
                    campaign => $"/api/admin/campaigns/{campaign.Id}"))
            .WithName("CreateCampaign")
            .WithSummary("Starts a first-come-first-served campaign. Times are UTC; couponValidFor is a duration such as \"7.00:00:00\"; maxDiscount (a percent discount's cap) and minOrderAmount may be left out.")
            .Produces<CampaignView>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest);

        admin.MapGet("/data-platform/messages", async (HttpContext http, OutboxMonitor outbox, string? state, int? page, int? pageSize) =>
            {
                if (!ApiResults.TryParseName<OutboxState>(state, out var only, out var badState))
                {
                    return ApiProblems.For(http, badState!);
                }

                var (number, size) = ApiResults.Paging(page, pageSize);
                return (IResult)TypedResults.Ok(PageView<OutboxRow>.Of(
                    await outbox.GetPageAsync(new OutboxQuery(only, number, size), http.RequestAborted)));
            })
            .WithName("DataPlatformMessages")
            .WithSummary("Messages to the data platform (Pending, Delivered, Failing), newest first, with their last error.")
            .Produces<PageView<OutboxRow>>()
            .Refuses(StatusCodes.Status400BadRequest);

        admin.MapPost("/data-platform/messages/{id:long}/retry", async (long id, HttpContext http, OutboxDispatcher dispatcher) =>
            {
                var retried = await dispatcher.RetryNowAsync(id, AdminAccount.NameOf(http), http.RequestAborted);
                return retried.IsSuccess ? (IResult)TypedResults.Ok(new RetryView(id, retried.Value)) : ApiProblems.For(http, retried.Error);
            })
            .WithName("RetryDataPlatformMessage")
            .WithSummary("Makes an undelivered message due now; the dispatcher tries it at once.")
            .Produces<RetryView>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SearchOrdersAsync(HttpContext http, OrderSearch search, string? status, string? shopper,
        DateTime? from, DateTime? to, int? page, int? pageSize)
    {
        if (!ApiResults.TryParseName<OrderStatus>(status, out var only, out var badStatus))
        {
            return ApiProblems.For(http, badStatus!);
        }

        var (number, size) = ApiResults.Paging(page, pageSize);
        var query = new AdminOrderQuery(only, ApiResults.AsUtc(from), ApiResults.AsUtc(to), shopper, AdminOrderSort.NewestFirst,
            number, size);
        var found = await search.SearchAsync(query, http.RequestAborted);
        return found.IsSuccess ? TypedResults.Ok(PageView<AdminOrderRow>.Of(found.Value)) : ApiProblems.For(http, found.Error);
    }
}

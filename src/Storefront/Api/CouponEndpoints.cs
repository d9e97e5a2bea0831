using ECommerce.Domain.Coupons;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Api.Contracts;

namespace ECommerce.Storefront.Api;

public static class CouponEndpoints
{
    public static RouteGroupBuilder MapCoupons(this RouteGroupBuilder api)
    {
        var coupons = api.MapGroup("/coupons").WithTags("Coupons");

        coupons.MapGet("/campaigns", async (HttpContext http, CouponService service) =>
                TypedResults.Ok(await service.GetClaimableAsync(http.User.ShopperId(), http.RequestAborted)))
            .WithName("ClaimableCampaigns")
            .WithSummary("Campaigns open now or opening later, with how many coupons are left and whether you hold one.")
            .Produces<IReadOnlyList<CampaignView>>();

        coupons.MapPost("/claim", async (ClaimRequest body, HttpContext http, CouponService service) =>
                ApiResults.Created(http, await service.ClaimByCodeAsync(http.User.ShopperId()!, body.CouponCode, http.RequestAborted),
                    coupon => $"/api/coupons/{coupon.Id}"))
            .RequireRateLimiting(ApiRateLimits.Claims)
            .WithName("ClaimCoupon")
            .WithSummary("Claims one coupon of the campaign with this code: first come, first served, one per shopper.")
            .Produces<MyCoupon>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        coupons.MapGet("/", async (HttpContext http, CouponService service) =>
                TypedResults.Ok(await service.GetMyCouponsAsync(http.User.ShopperId()!, http.RequestAborted)))
            .WithName("MyCoupons")
            .WithSummary("The coupons you hold, newest first, with their state (valid, reserved, used, expired).")
            .Produces<IReadOnlyList<MyCoupon>>();
        return api;
    }
}

namespace ECommerce.Domain.Common;

/// <summary>Machine-readable reason a use case refused to act. Nothing was changed when one is returned.</summary>
public enum ErrorCode
{
    InvalidInput,
    NotFound,
    NotYours,
    Busy,

    /// <summary>The signed-in account may not do this (e.g. an admin action by a shopper).</summary>
    NotAllowed,

    ChargeNotPositive,
    ChargeLimitExceeded,
    BalanceCapExceeded,
    IdempotencyKeyReused,
    InsufficientBalance,

    EmptyCart,
    InvalidQuantity,
    OutOfStock,
    ProductUnavailable,
    OrderNotAwaitingPayment,
    OrderExpired,

    CouponNotOpenYet,
    CouponClaimClosed,
    CouponSoldOut,
    CouponAlreadyHeld,
    CouponExpired,
    CouponAlreadyUsed,
    CouponReserved,
    CouponBelowMinimumOrder,

    StockWouldGoNegative,
    StockChanged,
}

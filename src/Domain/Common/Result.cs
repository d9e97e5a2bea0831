using System.Diagnostics.CodeAnalysis;

namespace ECommerce.Domain.Common;

/// <summary>The outcome of a use case: a value, or the reason it was refused.</summary>
public sealed class Result<T>
{
    private Result(T? value, ShopError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public ShopError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(ShopError error) => new(default, error);

#pragma warning disable CA2225 // Success/Failure are the named alternatives.
    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(ShopError error) => Failure(error);
#pragma warning restore CA2225

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value) : Result<TOut>.Failure(Error);

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error.Code}: {Error.Message})";
}

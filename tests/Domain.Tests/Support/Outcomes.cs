namespace ECommerce.Domain.Tests.Support;

public static class Outcomes
{
    /// <summary>"ok" for a success, the error code otherwise: a batch's outcomes in one comparable line.</summary>
    public static IEnumerable<string> Codes<T>(this IEnumerable<Result<T>> outcomes) =>
        outcomes.Select(o => o.IsSuccess ? "ok" : o.Error.Code.ToString());
}

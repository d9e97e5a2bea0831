namespace ECommerce.Domain.Common;

internal static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>Clamps a requested page to sensible bounds rather than refusing it: page links are user-editable URLs.</summary>
    public static (int Page, int Size) Normalize(int page, int size) =>
        (Math.Max(1, page), Math.Clamp(size, 1, MaxPageSize));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int size, CancellationToken ct)
    {
        (page, size) = Normalize(page, size);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, page, size, total);
    }
}

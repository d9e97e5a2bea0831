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
        // In long: a huge page number must not wrap around to a negative offset and show the first page.
        var skip = (long)(page - 1) * size;
        var items = skip >= total ? [] : await query.Skip((int)skip).Take(size).ToListAsync(ct);
        return new Page<T>(items, page, size, total);
    }
}

namespace ECommerce.Domain.Catalog;

/// <summary>
/// What someone typed into a search box, as a search takes it: trimmed, with control characters (a pasted tab, a
/// NUL from a crafted address) read as spaces, and at most <see cref="MaxLength"/> characters. The catalog and the
/// admin's stock list search by the same rule.
/// </summary>
public static class SearchWords
{
    public const int MaxLength = 100;

    /// <summary>The words to search for (null when there are none), or why they cannot be searched for.</summary>
    public static Result<string?> Read(string? typed)
    {
        var words = typed is null ? null : string.Concat(typed.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        if (words?.Length > MaxLength)
        {
            return ShopError.Invalid($"Search words can be at most {MaxLength} characters long.");
        }

        return Result<string?>.Success(string.IsNullOrEmpty(words) ? null : words);
    }
}

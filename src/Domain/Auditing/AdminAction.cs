namespace ECommerce.Domain.Auditing;

/// <summary>
/// One change an admin made: who, when, what. Written by the same unit of work as the change itself, so a
/// change without its record, or a record without its change, cannot exist.
/// </summary>
public sealed class AdminAction
{
    public const int MaxSubjectLength = 200;
    public const int MaxDetailsLength = 1000;

    private AdminAction()
    {
        Actor = "";
        Subject = "";
        Details = "";
    }

    internal AdminAction(DateTime at, string actor, AdminActionKind kind, string subject, string details)
    {
        At = at;
        Actor = actor;
        Kind = kind;
        Subject = Clip(subject, MaxSubjectLength);
        Details = Clip(details, MaxDetailsLength);
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; }
    public AdminActionKind Kind { get; private set; }

    /// <summary>What was changed, e.g. "Product 12 \"Green Tea\"".</summary>
    public string Subject { get; private set; }

    /// <summary>How it was changed, e.g. "+10 (0 → 10): delivery from the roaster".</summary>
    public string Details { get; private set; }

    private static string Clip(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}

namespace ECommerce.Domain.Auditing;

/// <summary>The kinds of change the audit log records. Stored by name, so new kinds may be added anywhere.</summary>
public enum AdminActionKind
{
    ProductAdded,
    StockAdjusted,
    CampaignCreated,
    OutboxRetried,
}

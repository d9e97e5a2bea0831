using Microsoft.AspNetCore.Http.Metadata;

namespace ECommerce.Storefront.Api;

/// <summary>The API's bodies are small: a larger one is refused (413) before it is read, not after 30 MB.</summary>
public sealed class ApiBodySizeLimit : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => ApiLimits.MaxBodyBytes;
}

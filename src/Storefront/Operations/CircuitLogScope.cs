using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ECommerce.Storefront.Operations;

/// <summary>
/// Whatever a circuit does (a click, a form, a JS call) logs with its circuit id in scope, as an HTTP request's lines
/// carry ASP.NET's RequestId: one shopper's session can be followed through the logs of the instance that holds it.
/// </summary>
internal sealed class CircuitLogScope(ILogger<CircuitLogScope> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["CircuitId"] = context.Circuit.Id }))
            {
                await next(context);
            }
        };
}

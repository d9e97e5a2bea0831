using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace ECommerce.Storefront.Api;

/// <summary>
/// Which methods each API route answers, for a request the router found no endpoint for. The router says 405 by
/// itself only when nothing else could take the address; a GET can always fall to the pages' own catch-all
/// endpoints, so a GET on a POST-only route would read 404 "no such route" where the route exists.
/// </summary>
public sealed class ApiRouteMethods(EndpointDataSource endpoints, IInlineConstraintResolver constraints)
{
    private readonly Lazy<Route[]> _routes = new(() =>
    [
        .. endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(e => (Pattern: e.RoutePattern, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 })
            .GroupBy(e => e.Pattern.RawText!.TrimStart('/'))
            .Select(g => new Route(
                new TemplateMatcher(TemplateParser.Parse(g.Key), new RouteValueDictionary()),
                [.. g.First().Pattern.Parameters.SelectMany(p => p.ParameterPolicies.Select(policy =>
                    (p.Name, Constraint: policy.Content is null ? null : constraints.ResolveConstraint(policy.Content))))
                    .Where(c => c.Constraint is not null)
                    .Select(c => (c.Name, c.Constraint!))],
                [.. g.SelectMany(e => e.Methods!).Distinct().Order(StringComparer.Ordinal)])),
    ]);

    /// <summary>The methods the route at <paramref name="path"/> answers; empty when no API route takes that address.</summary>
    public IReadOnlyList<string> AllowedAt(PathString path)
    {
        foreach (var route in _routes.Value)
        {
            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values)
                && route.Constraints.All(c => c.Constraint.Match(null, null, c.Name, values, RouteDirection.IncomingRequest)))
            {
                return route.Methods;
            }
        }

        return [];
    }

    private sealed record Route(TemplateMatcher Matcher, (string Name, IRouteConstraint Constraint)[] Constraints, string[] Methods);
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace ECommerce.Storefront.Api;

/// <summary>
/// The bearer scheme's access-token format with a small, bounded cache of the tickets it has already read. Reading
/// a token is a Data Protection decrypt (a key derivation, AES and an HMAC) and a ticket deserialisation, about a
/// sixth of a coupon claim's processor time (docs/performance.md, "API load"); a client sends the same token with
/// every request for an hour. The cache changes nothing a token can do: only a token that the inner format read
/// successfully is kept, under its exact text, and only until the ticket's own expiry; the bearer handler still
/// refuses an expired ticket at every request, an unreadable or altered token is read (and refused) as before, and
/// each request gets its own copy of the ticket. Like the tokens themselves, the cache does not consult the account
/// store: the shop ends API sessions at refresh (AuthEndpoints checks the security stamp there), never per request.
/// </summary>
public sealed class ValidatedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock, int capacity = ValidatedBearerTickets.DefaultCapacity)
    : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Enough for every shopper of the full load test signed in at once; ~2 KB a ticket.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Lock _sweeping = new();

    public int Count => _tickets.Count;

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    /// <summary>
    /// Issues a token (sign-in, refresh) and files it at once, read back exactly as a later request's read would give
    /// it: one decrypt at sign-in, beside a password hash that costs far more, so even a token's first request is a hit.
    /// </summary>
    public string Protect(AuthenticationTicket data, string? purpose)
    {
        var token = inner.Protect(data, purpose);
        if (purpose is null)
        {
            _ = Unprotect(token);
        }

        return token;
    }

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // The bearer handler never passes a purpose; anything else goes to the inner format untouched.
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var known))
        {
            if (known.Properties.ExpiresUtc > now)
            {
                return known.Clone();
            }

            _tickets.TryRemove(protectedText, out _);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } expires && expires > now)
        {
            Remember(protectedText, ticket.Clone(), now);
        }

        return ticket;
    }

    private void Remember(string token, AuthenticationTicket ticket, DateTimeOffset now)
    {
        if (_tickets.Count >= capacity)
        {
            lock (_sweeping)
            {
                if (_tickets.Count >= capacity)
                {
                    foreach (var (key, value) in _tickets)
                    {
                        if (value.Properties.ExpiresUtc <= now)
                        {
                            _tickets.TryRemove(key, out _);
                        }
                    }

                    // Still full of live tickets: start over rather than sweep again at every new token.
                    if (_tickets.Count >= capacity)
                    {
                        _tickets.Clear();
                    }
                }
            }
        }

        _tickets.TryAdd(token, ticket);
    }
}

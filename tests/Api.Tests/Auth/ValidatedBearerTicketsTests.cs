using System.Security.Claims;
using ECommerce.Storefront.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace ECommerce.Api.Tests.Auth;

/// <summary>The cache of read access tokens on its own, over real Data Protection: bounded, and never shared.</summary>
public sealed class ValidatedBearerTicketsTests
{
    private readonly ManualClock _clock = new();
    private readonly TicketDataFormat _format = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

    [Fact]
    public void It_never_holds_more_than_its_capacity_and_still_reads_every_token()
    {
        var tickets = new ValidatedBearerTickets(_format, _clock, capacity: 2);
        var tokens = Enumerable.Range(0, 5).Select(i => _format.Protect(Ticket($"shopper-{i}", TimeSpan.FromHours(1)))).ToList();

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                Assert.Equal($"shopper-{i}", tickets.Unprotect(tokens[i])!.Principal.Identity!.Name);
                Assert.InRange(tickets.Count, 1, 2);
            }
        }
    }

    [Fact]
    public void Each_read_gets_its_own_copy_and_an_expired_ticket_leaves_the_cache()
    {
        var tickets = new ValidatedBearerTickets(_format, _clock);
        var token = _format.Protect(Ticket("shopper", TimeSpan.FromMinutes(10)));

        var first = tickets.Unprotect(token)!;
        var second = tickets.Unprotect(token)!;
        Assert.NotSame(first.Principal, second.Principal);
        Assert.Equal("shopper", second.Principal.Identity!.Name);
        Assert.Equal(1, tickets.Count);

        _clock.Advance(TimeSpan.FromMinutes(11));
        // Read again from the token itself (the bearer handler then refuses it as expired); no longer cached.
        Assert.True(tickets.Unprotect(token)!.Properties.ExpiresUtc <= _clock.GetUtcNow());
        Assert.Equal(0, tickets.Count);
    }

    [Fact]
    public void A_token_it_issues_is_filed_at_once_and_reads_back_as_the_inner_format_reads_it()
    {
        var tickets = new ValidatedBearerTickets(_format, _clock);
        var token = tickets.Protect(Ticket("shopper", TimeSpan.FromMinutes(10)));

        Assert.Equal(1, tickets.Count);
        var cached = tickets.Unprotect(token)!;
        var read = _format.Unprotect(token)!;
        Assert.Equal(read.Principal.Claims.Select(c => (c.Type, c.Value)), cached.Principal.Claims.Select(c => (c.Type, c.Value)));
        Assert.Equal(read.Properties.Items, cached.Properties.Items);
        Assert.Equal(read.AuthenticationScheme, cached.AuthenticationScheme);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public void An_unreadable_token_is_null_and_not_cached(string token)
    {
        var tickets = new ValidatedBearerTickets(_format, _clock);
        Assert.Null(tickets.Unprotect(token));
        Assert.Equal(0, tickets.Count);
    }

    private AuthenticationTicket Ticket(string name, TimeSpan lifetime) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Identity.Bearer")),
            new AuthenticationProperties { ExpiresUtc = _clock.GetUtcNow() + lifetime }, "Identity.Bearer");
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ECommerce.Storefront.Accounts;

/// <summary>
/// Checks, before the circuit handles anything the browser sends (a click, a form submit, a navigation), that
/// the signed-in account's session still stands. Once it has ended elsewhere (signed out in another tab, a new
/// password), the browser's message is dropped, so the action changes nothing, the circuit turns into a
/// visitor's and the tab is sent to sign in. One per circuit.
/// </summary>
internal sealed class SignedOutCircuitGuard(
    AuthenticationStateProvider authentication,
    ShopperSessions sessions,
    NavigationManager navigation,
    ILogger<SignedOutCircuitGuard> logger) : CircuitHandler
{
    private SynchronizationContext? _circuitContext;
    private bool _ended;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The renderer's context: navigation must be asked for on it, and activity handlers run outside it.
        _circuitContext = SynchronizationContext.Current;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        if (!_ended && await SessionStandsAsync())
        {
            await next(context);
            return;
        }

        if (!_ended)
        {
            _ended = true;
            logger.LogInformation("An action from a signed-out session was refused; the tab is sent to sign in");
            (authentication as IdentityRevalidatingAuthenticationStateProvider)?.SignOutCircuit();
            SendToSignIn();
        }
    };

    private async Task<bool> SessionStandsAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await sessions.IsCurrentAsync(state.User);
    }

    private void SendToSignIn()
    {
        void Navigate(object? _) => navigation.NavigateTo(navigation.SignInAndBack(), forceLoad: true);
        if (_circuitContext is null)
        {
            Navigate(null);
        }
        else
        {
            _circuitContext.Post(Navigate, null);
        }
    }
}

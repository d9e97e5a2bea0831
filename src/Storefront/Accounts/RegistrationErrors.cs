using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Accounts;

/// <summary>What the register page tells a visitor whose account could not be created, one line per problem.</summary>
public static class RegistrationErrors
{
    public static IReadOnlyList<string> Describe(IdentityResult result, string email)
    {
        var errors = result.Errors.ToList();
        // The email is also the user name, so a taken email fails twice (as user name and as email): say it once.
        if (errors.RemoveAll(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)) > 0)
        {
            errors.Insert(0, new IdentityError
            {
                Code = nameof(IdentityErrorDescriber.DuplicateEmail),
                Description = $"An account with the email {email} already exists: sign in instead.",
            });
        }

        return errors.Select(e => e.Description).Distinct().ToList();
    }
}

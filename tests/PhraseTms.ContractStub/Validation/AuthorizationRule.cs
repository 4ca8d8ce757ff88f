using System.Text.RegularExpressions;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>Every operation but the logins needs <c>Authorization: ApiToken …</c> or <c>Bearer …</c>.</summary>
public static partial class AuthorizationRule
{
    [GeneratedRegex(@"^(ApiToken|Bearer) \S+$")]
    private static partial Regex Scheme();

    /// <summary>The logins (and Apple's token refresh) are how a client gets a token, so they cannot need one;
    /// loginOther is an admin acting for a user, so it does. The description has no security section to say so.</summary>
    public static bool IsAnonymous(ApiOperation op) =>
        (op.Path.Contains("/auth/login", StringComparison.Ordinal) && !op.Path.EndsWith("/auth/loginOther", StringComparison.Ordinal))
        || op.Path.EndsWith("/auth/refreshAppleToken", StringComparison.Ordinal);

    public static void Check(ApiOperation op, StubRequest request, ViolationList into)
    {
        var value = request.Header("Authorization");
        if (value is null)
        {
            if (!IsAnonymous(op)) into.Add("header Authorization", "missing (ApiToken <token> or Bearer <token>)");
            return;
        }
        // The value is never echoed: it is a credential.
        if (!Scheme().IsMatch(value)) into.Add("header Authorization", "is not 'ApiToken <token>' or 'Bearer <token>'");
    }
}

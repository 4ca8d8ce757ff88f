using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>POST /api2/v1/auth/login {userName, password, code?} and POST /api2/v3/auth/login (also userUid).
/// Answer (both): {user: {uid, userName, firstName, lastName, email, role, id}, token, expires (Z),
/// lastInvalidateAllSessionsPerformed: null}. Optional absent fields are written as null.
/// GET /api2/v1/auth/whoAmI answers {user, organization} for the presented token.</summary>
internal static class AuthRoutes
{
    private const string V1 = "/web/api2/v1/auth/login", V3 = "/web/api2/v3/auth/login";

    public static bool IsLoginPath(PathString path) =>
        path.Equals(V1, StringComparison.OrdinalIgnoreCase) || path.Equals(V3, StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost(V1, context => LoginAsync(context, state, acceptsUserUid: false));
        app.MapPost(V3, context => LoginAsync(context, state, acceptsUserUid: true));
        app.MapGet("/web/api2/v1/auth/whoAmI", WhoAmIAsync);
    }

    /// <summary>GET /api2/v1/auth/whoAmI: the user the presented token belongs to (authenticated like any API route).</summary>
    private static Task WhoAmIAsync(HttpContext context)
    {
        var account = AuthMiddleware.User(context);
        return ApiResponses.WriteJsonAsync(context, 200, new JObject
        {
            ["user"] = UserJson(account),
            ["organization"] = new JObject { ["name"] = account.OrganizationName },
        });
    }

    private static JObject UserJson(UserAccount account) => new()
    {
        ["uid"] = account.Uid,
        ["userName"] = account.UserName,
        ["firstName"] = account.FirstName,
        ["lastName"] = account.LastName,
        ["email"] = account.Email,
        ["role"] = account.Role,
        ["id"] = account.Id,
    };

    private static async Task LoginAsync(HttpContext context, EmulatorState state, bool acceptsUserUid)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object with userName and password");
            return;
        }
        if (!TryString(body, "userName", required: true, out var userName, out var error)
            || !TryString(body, "password", required: true, out var password, out error)
            || !TryString(body, "code", required: false, out var code, out error)
            || !TryString(body, "userUid", required: false, out var userUid, out error))
        {
            await ApiResponses.InvalidArguments(context, error!);
            return;
        }

        var user = state.Data.Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (user is null || user.Password != password)
        {
            await ApiResponses.WriteErrorAsync(context, 401, "AuthInvalidCredentials", "Invalid user name or password");
            return;
        }
        if (user.TwoFactorCode is not null && string.IsNullOrEmpty(code))
        {
            await ApiResponses.WriteErrorAsync(context, 401, "AuthInvalidCredentials",
                "Two-factor authentication is enabled for this user: send the authentication code as 'code'");
            return;
        }
        if (user.TwoFactorCode is not null && code != user.TwoFactorCode)
        {
            await ApiResponses.WriteErrorAsync(context, 401, "AuthInvalidCredentials", "The two-factor authentication code is not valid");
            return;
        }

        var account = user.Accounts[0];
        if (acceptsUserUid && !string.IsNullOrEmpty(userUid))
        {
            var chosen = user.Accounts.FirstOrDefault(a => a.Uid == userUid);
            if (chosen is null)
            {
                await ApiResponses.InvalidArguments(context, $"userUid: no user {userUid} belongs to this identity");
                return;
            }
            account = chosen;
        }

        var (token, expires) = state.Tokens.Issue(account);
        await ApiResponses.WriteJsonAsync(context, 200, new JObject
        {
            ["user"] = UserJson(account),
            ["token"] = token,
            ["expires"] = ApiDates.Z(expires),
            ["lastInvalidateAllSessionsPerformed"] = null,
        });
    }

    private static bool TryString(JObject body, string name, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        var token = body[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required) error = $"{name}: must not be null";
            return !required;
        }
        if (token.Type != JTokenType.String)
        {
            error = $"{name}: must be a string";
            return false;
        }
        value = (string?)token;
        if (required && string.IsNullOrEmpty(value))
        {
            error = $"{name}: must not be empty";
            return false;
        }
        return true;
    }
}

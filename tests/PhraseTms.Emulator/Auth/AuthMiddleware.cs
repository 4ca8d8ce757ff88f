namespace PhraseTms.Emulator;

/// <summary>Requires "Authorization: ApiToken &lt;token&gt;" or "Bearer &lt;token&gt;" (scheme case-insensitive) on every
/// /web/api2 route except the login routes; answers 401 AuthUnauthorized otherwise. Never echoes the header.</summary>
internal static class AuthMiddleware
{
    public const string UserKey = "emulator.user";

    public static IApplicationBuilder UseApiAuthentication(this IApplicationBuilder app, EmulatorState state) => app.Use(async (context, next) =>
    {
        if (AuthRoutes.IsLoginPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        var token = PresentedToken(context);
        if (token is null)
        {
            await ApiResponses.Unauthorized(context,
                "Authentication required: send the header 'Authorization: ApiToken <token>' (or 'Bearer <token>')");
            return;
        }
        var account = state.Tokens.Validate(token);
        if (account is null)
        {
            await ApiResponses.Unauthorized(context, "The token is invalid or has expired; log in again");
            return;
        }
        context.Items[UserKey] = account;
        await next(context);
    });

    /// <summary>The token of a well-formed ApiToken/Bearer Authorization header, or null.</summary>
    public static string? PresentedToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        if (space <= 0) return null;
        var scheme = header[..space];
        if (!scheme.Equals("ApiToken", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[(space + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }

    public static UserAccount User(HttpContext context) =>
        context.Items.TryGetValue(UserKey, out var u) && u is UserAccount a ? a : SeedData.DemoAccount;
}

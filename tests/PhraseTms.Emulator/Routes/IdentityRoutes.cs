using Microsoft.Extensions.Primitives;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>
/// The Phrase Platform identity service's token exchange, outside /web: POST /idm/oauth/token, form-encoded,
/// grant_type=urn:ietf:params:oauth:grant-type:token-exchange, subject_token=&lt;platform API token&gt;,
/// subject_token_type=urn:phrase:params:oauth:token-type:api_token,
/// requested_token_type=urn:ietf:params:oauth:token-type:access_token. Every field is required, once; no query string
/// and no Authorization header are accepted (the platform token goes in the body only, the TMS token never here).
/// Success: 200 {access_token (JWT-shaped), issued_token_type, token_type: "Bearer", expires_in} with Cache-Control
/// no-store; the access token is valid as Bearer on the TMS API until it expires (<see cref="EmulatorOptions.AccessTokenLifetime"/>).
/// Errors are OAuth-style (RFC 6749 5.2): 400 {"error": "invalid_request" | "unsupported_grant_type" | "invalid_grant",
/// "error_description"}. Answers and descriptions never contain a token.
/// </summary>
internal static class IdentityRoutes
{
    public const string TokenPath = "/idm/oauth/token";
    public const string GrantType = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string SubjectTokenType = "urn:phrase:params:oauth:token-type:api_token";
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    public static bool IsIdentityPath(PathString path) => path.StartsWithSegments("/idm");

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPost(TokenPath, context => ExchangeAsync(context, state));

    private static async Task ExchangeAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        if (request.QueryString.HasValue)
        {
            await ErrorAsync(context, "invalid_request", "The token request must not have a query string: send every parameter in the form body");
            return;
        }
        if (request.Headers.Authorization.Count > 0)
        {
            await ErrorAsync(context, "invalid_request", "The token exchange takes no Authorization header: the subject token goes in the form body");
            return;
        }
        if (!request.HasFormContentType || !Redaction.IsForm(request.ContentType))
        {
            await ErrorAsync(context, "invalid_request", "The token request must be application/x-www-form-urlencoded");
            return;
        }
        var form = await request.ReadFormAsync(context.RequestAborted);
        string? Field(string name, out string? problem)
        {
            problem = null;
            if (!form.TryGetValue(name, out StringValues values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
                problem = $"{name} is missing";
            else if (values.Count > 1)
                problem = $"{name} must be given once";
            return problem is null ? values[0] : null;
        }

        var grantType = Field("grant_type", out var error);
        if (error is not null) { await ErrorAsync(context, "invalid_request", error); return; }
        if (grantType != GrantType) { await ErrorAsync(context, "unsupported_grant_type", $"grant_type must be {GrantType}"); return; }
        var subjectToken = Field("subject_token", out error);
        if (error is not null) { await ErrorAsync(context, "invalid_request", error); return; }
        var subjectType = Field("subject_token_type", out error);
        if (error is not null) { await ErrorAsync(context, "invalid_request", error); return; }
        if (subjectType != SubjectTokenType) { await ErrorAsync(context, "invalid_request", $"subject_token_type must be {SubjectTokenType}"); return; }
        var requestedType = Field("requested_token_type", out error);
        if (error is not null) { await ErrorAsync(context, "invalid_request", error); return; }
        if (requestedType != AccessTokenType) { await ErrorAsync(context, "invalid_request", $"requested_token_type must be {AccessTokenType}"); return; }

        if (subjectToken != PhraseTmsEmulator.DemoPlatformToken)
        {
            await ErrorAsync(context, "invalid_grant", "The subject token is invalid, expired or revoked");
            return;
        }
        var (token, _) = state.Tokens.IssueAccessToken(SeedData.DemoAccount);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await ApiResponses.WriteJsonAsync(context, 200, new JObject
        {
            ["access_token"] = token,
            ["issued_token_type"] = AccessTokenType,
            ["token_type"] = "Bearer",
            ["expires_in"] = Math.Max(1, (long)Math.Floor(state.Options.AccessTokenLifetime.TotalSeconds)),
        });
    }

    private static Task ErrorAsync(HttpContext context, string error, string description) =>
        ApiResponses.WriteJsonAsync(context, 400, new JObject { ["error"] = error, ["error_description"] = description });
}

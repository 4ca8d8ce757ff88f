using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/users/lastLogins (user-lastLogins, PageDtoLastLoginDto {user: UserReference with role,
/// lastLoginDate}): users not deleted, lastLoginDate null for those who never logged in. Filters userName (start,
/// case-insensitive, ≤ 255), role (repeatable); sort ID | LAST_LOGIN_DATE paired with order ASC | DESC (default ID ASC;
/// never = earliest); pageSize 1–100, default 100.</summary>
internal static class UserLoginRoutes
{
    private static readonly string[] Roles = ["ADMIN", "PROJECT_MANAGER", "LINGUIST", "GUEST", "SUBMITTER"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapGet("/web/api2/v1/users/lastLogins", context => ListAsync(context, state));

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var userName = q.String("userName", 255);
        var roles = q.Enums("role", Roles);
        var sort = q.Enums("sort", ["ID", "LAST_LOGIN_DATE"]);
        var order = q.Enums("order", ["ASC", "DESC"]);
        var page = q.Page(defaultSize: 100, maxSize: 100);
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        var matching = state.Data.Organization.Users
            .Where(u => u.DateDeleted is null)
            .Where(u => userName is null || u.UserName.StartsWith(userName, StringComparison.OrdinalIgnoreCase))
            .Where(u => roles.Count == 0 || roles.Contains(u.Role));
        var keys = sort.Count == 0 ? ["ID"] : sort;
        IOrderedEnumerable<OrgUser>? ordered = null;
        var orders = new List<(string, string)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = i < order.Count && order[i] == "DESC";
            Func<OrgUser, long> key = keys[i] == "LAST_LOGIN_DATE"
                ? u => u.LastLoginDate?.ToUnixTimeSeconds() ?? long.MinValue
                : u => long.Parse(u.Id, CultureInfo.InvariantCulture);
            ordered = ordered is null
                ? descending ? matching.OrderByDescending(key) : matching.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
            orders.Add((keys[i] == "LAST_LOGIN_DATE" ? "lastLoginDate" : "id", descending ? "DESC" : "ASC"));
        }
        var result = ordered!.ThenBy(u => long.Parse(u.Id, CultureInfo.InvariantCulture)).ToArray();
        return PageJson.WriteAsync(context, result, page, u => new JObject
        {
            ["user"] = ReferenceJson.User(u.Account),
            ["lastLoginDate"] = ReferenceJson.Date(u.LastLoginDate),
        }, [.. orders]);
    }
}

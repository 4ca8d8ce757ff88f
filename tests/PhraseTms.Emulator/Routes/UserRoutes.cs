using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/users (getListOfUsersFiltered, PageDtoUserDto) and GET /api2/v3/users/{userUid}
/// (UserDetailsDtoV3 with the fields of the user's role variant). Text filters match the start of the value,
/// case-insensitively, and take at most 255 characters. See README.md.</summary>
internal static class UserRoutes
{
    private const int MaxFilterLength = 255;
    private static readonly string[] Roles = ["ADMIN", "PROJECT_MANAGER", "LINGUIST", "GUEST", "SUBMITTER"];
    private static readonly string[] SortFields = ["ID", "LAST_NAME", "FIRST_NAME"];
    private static readonly string[] Orders = ["ASC", "DESC"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/users", context => ListAsync(context, state));
        app.MapGet("/web/api2/v3/users/{userUid}", context =>
        {
            var uid = (string)context.Request.RouteValues["userUid"]!;
            var user = state.Data.Organization.FindUser(uid);
            return user is null
                ? ApiResponses.ResourceNotFound(context, $"User {uid} not found")
                : ApiResponses.WriteJsonAsync(context, 200, Details(user));
        });
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var firstName = q.String("firstName", MaxFilterLength);
        var lastName = q.String("lastName", MaxFilterLength);
        var name = q.String("name", MaxFilterLength);
        var userName = q.String("userName", MaxFilterLength);
        var email = q.String("email", MaxFilterLength);
        var nameOrEmail = q.String("nameOrEmail", MaxFilterLength);
        var roles = q.Enums("role", Roles);
        var includeDeleted = q.Bool("includeDeleted");
        var page = q.Page();
        var sort = q.Enums("sort", SortFields);
        var order = q.Enums("order", Orders);
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        static bool Starts(string value, string? prefix) => prefix is null || value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        var matching = state.Data.Organization.Users
            .Where(u => includeDeleted || u.DateDeleted is null)
            .Where(u => Starts(u.FirstName, firstName) && Starts(u.LastName, lastName) && Starts(u.UserName, userName) && Starts(u.Email, email))
            .Where(u => name is null || Starts(u.FirstName, name) || Starts(u.LastName, name))
            .Where(u => nameOrEmail is null || Starts(u.FirstName, nameOrEmail) || Starts(u.LastName, nameOrEmail) || Starts(u.Email, nameOrEmail))
            .Where(u => roles.Count == 0 || roles.Contains(u.Role));

        // sort[i] pairs with order[i] (ASC when missing); default ID ASC; ID always breaks ties.
        var keys = sort.Count == 0 ? ["ID"] : sort;
        IOrderedEnumerable<OrgUser>? ordered = null;
        var orders = new List<(string, string)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = i < order.Count && order[i] == "DESC";
            Func<OrgUser, string> key = keys[i] switch
            {
                "LAST_NAME" => u => u.LastName,
                "FIRST_NAME" => u => u.FirstName,
                _ => u => u.Id.PadLeft(12, '0'),
            };
            ordered = ordered is null
                ? descending ? matching.OrderByDescending(key, StringComparer.OrdinalIgnoreCase) : matching.OrderBy(key, StringComparer.OrdinalIgnoreCase)
                : descending ? ordered.ThenByDescending(key, StringComparer.OrdinalIgnoreCase) : ordered.ThenBy(key, StringComparer.OrdinalIgnoreCase);
            orders.Add((keys[i] switch { "LAST_NAME" => "lastName", "FIRST_NAME" => "firstName", _ => "id" }, descending ? "DESC" : "ASC"));
        }
        var result = ordered!.ThenBy(u => long.Parse(u.Id, CultureInfo.InvariantCulture)).ToArray();
        return PageJson.WriteAsync(context, result, page, Summary, [.. orders]);
    }

    /// <summary>UserDto.</summary>
    private static JObject Summary(OrgUser u) => new()
    {
        ["id"] = u.Id,
        ["uid"] = u.Uid,
        ["userName"] = u.UserName,
        ["firstName"] = u.FirstName,
        ["lastName"] = u.LastName,
        ["email"] = u.Email,
        ["dateCreated"] = ReferenceJson.Date(u.DateCreated),
        ["dateDeleted"] = ReferenceJson.Date(u.DateDeleted),
        ["createdBy"] = ReferenceJson.User(u.CreatedBy),
        ["role"] = u.Role,
        ["timezone"] = u.Timezone,
        ["note"] = u.Note,
        ["terminologist"] = u.Terminologist,
        ["sourceLangs"] = ReferenceJson.Strings(u.SourceLangs),
        ["targetLangs"] = ReferenceJson.Strings(u.TargetLangs),
        ["active"] = u.Active,
        ["priceList"] = null,
        ["netRateScheme"] = null,
    };

    private static readonly string[] ManagerRights =
    [
        "projectCreate", "projectViewOther", "projectEditOther", "projectDeleteOther", "projectTemplateCreate", "projectTemplateViewOther",
        "projectTemplateEditOther", "projectTemplateDeleteOther", "transMemoryCreate", "transMemoryViewOther", "transMemoryEditOther",
        "transMemoryDeleteOther", "transMemoryExportOther", "transMemoryImportOther", "termBaseCreate", "termBaseViewOther",
        "termBaseEditOther", "termBaseDeleteOther", "termBaseExportOther", "termBaseImportOther", "termBaseApproveOther", "userCreate",
        "userViewOther", "userEditOther", "userDeleteOther", "clientDomainSubDomainCreate", "clientDomainSubDomainViewOther",
        "clientDomainSubDomainEditOther", "clientDomainSubDomainDeleteOther", "vendorCreate", "vendorViewOther", "vendorEditOther",
        "vendorDeleteOther",
    ];

    private static readonly string[] GuestRights =
    [
        "projectViewOther", "projectViewOtherLinguist", "projectViewOtherEditor", "transMemoryViewOther", "transMemoryEditOther",
        "transMemoryExportOther", "transMemoryImportOther", "termBaseViewOther", "termBaseEditOther", "termBaseExportOther",
        "termBaseImportOther", "termBaseApproveOther",
    ];

    /// <summary>UserDetailsDtoV3 plus the fields of its role variant (ADMIN_RESPONSE, PROJECT_MANAGER_RESPONSE, ...).
    /// Project managers have every right except the *DeleteOther ones; guests may view only.</summary>
    private static JObject Details(OrgUser u)
    {
        var o = new JObject
        {
            ["uid"] = u.Uid,
            ["userName"] = u.UserName,
            ["firstName"] = u.FirstName,
            ["lastName"] = u.LastName,
            ["email"] = u.Email,
            ["dateCreated"] = ReferenceJson.Date(u.DateCreated),
            ["dateDeleted"] = ReferenceJson.Date(u.DateDeleted),
            ["createdBy"] = ReferenceJson.User(u.CreatedBy),
            ["role"] = u.Role,
            ["assignableRoles"] = ReferenceJson.Strings(u.Role == "ADMIN" ? Roles : u.Role == "PROJECT_MANAGER" ? ["PROJECT_MANAGER", "LINGUIST", "GUEST", "SUBMITTER"] : []),
            ["timezone"] = u.Timezone,
            ["note"] = u.Note,
            ["receiveNewsletter"] = false,
            ["active"] = u.Active,
            ["pendingEmailChange"] = false,
        };
        switch (u.Role)
        {
            case "LINGUIST":
                o["editAllTermsInTB"] = u.Terminologist;
                o["editTranslationsInTM"] = true;
                o["enableMT"] = true;
                o["mayRejectJobs"] = true;
                AddLocales(o, u);
                o["netRateScheme"] = null;
                o["translationPriceList"] = null;
                break;
            case "PROJECT_MANAGER":
                AddLocales(o, u);
                foreach (var right in ManagerRights) o[right] = !right.EndsWith("DeleteOther", StringComparison.Ordinal);
                foreach (var list in new[] { "projectClients", "projectBusinessUnits", "projectTemplateClients", "projectTemplateBusinessUnits",
                             "transMemoryClients", "transMemoryBusinessUnits", "termBaseClients", "termBaseBusinessUnits" })
                    o[list] = new JArray();
                o["dashboardSetting"] = "ALL_DATA";
                o["setupServer"] = false;
                break;
            case "GUEST":
                o["client"] = null;
                o["enableMT"] = false;
                foreach (var right in GuestRights) o[right] = right.Contains("View", StringComparison.Ordinal);
                break;
            case "SUBMITTER":
                o["automationWidgets"] = new JArray();
                o["projectViewCreatedByOtherSubmitters"] = false;
                break;
        }
        return o;
    }

    private static void AddLocales(JObject o, OrgUser u)
    {
        o["sourceLocales"] = ReferenceJson.Strings(u.SourceLangs);
        o["targetLocales"] = ReferenceJson.Strings(u.TargetLangs);
        o["workflowSteps"] = new JArray();
        o["clients"] = new JArray();
        o["domains"] = new JArray();
        o["subDomains"] = new JArray();
    }
}

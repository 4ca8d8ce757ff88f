using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Projects: GET /api2/v1/projects (listProjects, PageDtoAbstractProjectDto), GET and DELETE
/// /api2/v1/projects/{projectUid} (AbstractProjectDto; purge), POST /api2/v1/projects/{projectUid}/setStatus
/// (SetProjectStatusDto, 204), POST /api2/v3/projects (CreateProjectV3Dto → 201 AbstractProjectDtoV2) and POST
/// /api2/v2/projects/applyTemplate/{templateUid} (CreateProjectFromTemplateV2Dto → 201 AbstractProjectDtoV2).
/// Lists: dateCreated descending, then internalId descending. See README.md for the filters.</summary>
internal static class ProjectRoutes
{
    private static readonly string[] ListJobStatuses =
        [OrgJob.New, OrgJob.Accepted, OrgJob.Declined, OrgJob.Delivered, OrgJob.Emailed, OrgJob.Completed, OrgJob.Cancelled];
    private static readonly string[] JobStatusGroups = [OrgJob.New, OrgJob.Accepted, OrgJob.Completed];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/projects", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/projects/{projectUid}", context => GetAsync(context, state));
        app.MapDelete("/web/api2/v1/projects/{projectUid}", context => DeleteAsync(context, state));
        app.MapPost("/web/api2/v1/projects/{projectUid}/setStatus", context => SetStatusAsync(context, state));
        app.MapPost("/web/api2/v3/projects", context => CreateAsync(context, state, template: null));
        app.MapPost("/web/api2/v2/projects/applyTemplate/{templateUid}", context =>
            CreateAsync(context, state, (string)context.Request.RouteValues["templateUid"]!));
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var name = q.String("name");
        var clientId = q.Long("clientId");
        var clientName = q.String("clientName");
        var businessUnitId = q.Long("businessUnitId");
        var businessUnitName = q.String("businessUnitName");
        var statuses = q.Enums("statuses", OrgProject.Statuses);
        var targetLangs = q.List("targetLangs");
        var domainId = q.Long("domainId");
        var domainName = q.String("domainName");
        var subDomainId = q.Long("subDomainId");
        var subDomainName = q.String("subDomainName");
        var costCenterId = q.Long("costCenterId");
        var costCenterName = q.String("costCenterName");
        var dueInHours = q.Int("dueInHours", min: -1);
        var createdInLastHours = q.Int("createdInLastHours", min: 0);
        var sourceLangs = q.List("sourceLangs");
        var ownerId = q.Long("ownerId");
        var jobStatuses = q.Enums("jobStatuses", ListJobStatuses);
        var jobStatusGroup = q.Enum("jobStatusGroup", JobStatusGroups);
        var buyerId = q.Long("buyerId");
        var page = q.Page();
        var nameOrInternalId = q.String("nameOrInternalId");
        var includeArchived = q.Bool("includeArchived");
        var archivedOnly = q.Bool("archivedOnly");
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        var now = state.Clock.UtcNow;
        var groupStatuses = jobStatusGroup switch
        {
            OrgJob.New => [OrgJob.New],
            OrgJob.Accepted => [OrgJob.Accepted],
            OrgJob.Completed => new[] { OrgJob.Completed, OrgJob.Delivered },
            _ => null,
        };
        var matching = state.Data.Organization.Projects.All
            .Where(p => archivedOnly ? p.Archived : includeArchived || !p.Archived)
            .Where(p => Contains(p.Name, name))
            .Where(p => Matches(p.Client, clientId, clientName))
            .Where(p => Matches(p.BusinessUnit, businessUnitId, businessUnitName))
            .Where(p => Matches(p.Domain, domainId, domainName))
            .Where(p => Matches(p.SubDomain, subDomainId, subDomainName))
            .Where(p => Matches(p.CostCenter, costCenterId, costCenterName))
            .Where(p => statuses.Count == 0 || statuses.Contains(p.Status))
            .Where(p => targetLangs.Count == 0 || p.TargetLangs.Any(l => targetLangs.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(p => sourceLangs.Count == 0 || sourceLangs.Contains(p.SourceLang, StringComparer.OrdinalIgnoreCase))
            .Where(p => dueInHours is not { } h || (p.DateDue is { } due && (h == -1 ? due < now : due <= now + TimeSpan.FromHours(h))))
            .Where(p => createdInLastHours is not { } c || p.DateCreated >= now - TimeSpan.FromHours(c))
            .Where(p => ownerId is not { } o || p.Owner.Id == o.ToString(CultureInfo.InvariantCulture))
            .Where(p => jobStatuses.Count == 0 || p.Jobs.Any(j => jobStatuses.Contains(j.Status)))
            .Where(p => groupStatuses is null || p.Jobs.Any(j => groupStatuses.Contains(j.Status)))
            .Where(p => buyerId is null) // the demo organization has no buyers
            .Where(p => nameOrInternalId is null || Contains(p.Name, nameOrInternalId)
                || p.InternalId.ToString(CultureInfo.InvariantCulture) == nameOrInternalId)
            .OrderByDescending(p => p.DateCreated).ThenByDescending(p => p.InternalId)
            .ToArray();
        var role = AuthMiddleware.User(context).Role;
        return PageJson.WriteAsync(context, matching, page, p => ProjectJson.Build(p, role, now, v2: false), ("dateCreated", "DESC"));
    }

    private static Task GetAsync(HttpContext context, EmulatorState state)
    {
        var uid = (string)context.Request.RouteValues["projectUid"]!;
        var project = state.Data.Organization.Projects.Find(uid);
        if (project is null) return ApiResponses.ProjectNotFound(context, uid);
        return ApiResponses.WriteJsonAsync(context, 200,
            ProjectJson.Build(project, AuthMiddleware.User(context).Role, state.Clock.UtcNow, v2: false));
    }

    private static Task DeleteAsync(HttpContext context, EmulatorState state)
    {
        var uid = (string)context.Request.RouteValues["projectUid"]!;
        var q = new QueryReader(context.Request.Query);
        q.Bool("purge");
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);
        if (!state.Data.Organization.Projects.Remove(uid)) return ApiResponses.ProjectNotFound(context, uid);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static async Task SetStatusAsync(HttpContext context, EmulatorState state)
    {
        var uid = (string)context.Request.RouteValues["projectUid"]!;
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object (SetProjectStatusDto)");
            return;
        }
        if (!RequestJson.TryEnum(body, "status", OrgProject.Statuses, required: true, out var status, out var error))
        {
            await ApiResponses.InvalidArguments(context, error!);
            return;
        }
        var project = state.Data.Organization.Projects.Find(uid);
        if (project is null)
        {
            await ApiResponses.ProjectNotFound(context, uid);
            return;
        }
        project.SetStatus(status!);
        context.Response.StatusCode = 204;
    }

    private static async Task CreateAsync(HttpContext context, EmulatorState state, string? template)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, template is null
                ? "The request body must be a JSON object (CreateProjectV3Dto)"
                : "The request body must be a JSON object (CreateProjectFromTemplateV2Dto)");
            return;
        }
        var org = state.Data.Organization;
        var request = ProjectCreateRequest.Parse(body, org, fromTemplate: template is not null, out var error);
        if (request is null)
        {
            await ApiResponses.InvalidArguments(context, error!);
            return;
        }
        OrgProjectTemplate? t = null;
        if (template is not null && (t = org.FindProjectTemplate(template)) is null)
        {
            await ApiResponses.ResourceNotFound(context, $"Project template {template} not found");
            return;
        }

        var user = AuthMiddleware.User(context);
        var now = EmulatorClock.TruncateToSecond(state.Clock.UtcNow);
        var uid = state.Data.NextUid();
        var steps = request.WorkflowSteps ?? t?.WorkflowSteps ?? [];
        var project = org.Projects.Add(internalId => new OrgProject
        {
            Uid = uid,
            InternalId = internalId,
            Id = (100000 + internalId).ToString(CultureInfo.InvariantCulture),
            Name = request.Name,
            DateCreated = now,
            SourceLang = request.SourceLang ?? t!.SourceLang,
            TargetLangs = request.TargetLangs ?? t!.TargetLangs,
            Owner = user,
            CreatedBy = user,
            Client = request.Client ?? t?.Client,
            Domain = request.Domain ?? t?.Domain,
            SubDomain = request.SubDomain ?? t?.SubDomain,
            CostCenter = request.CostCenter ?? t?.CostCenter,
            BusinessUnit = request.BusinessUnit ?? t?.BusinessUnit,
            DateDue = request.DateDue,
            Note = request.Note ?? t?.Note,
            PurchaseOrder = request.PurchaseOrder,
            Shared = false,
            PropagateTranslationsToLowerWf = request.PropagateTranslationsToLowerWf ?? false,
            Status = OrgProject.New,
            WorkflowSteps = steps.Select((s, k) => new OrgProjectWorkflowStep(internalId * 100L + k + 1, k + 1, s)).ToArray(),
        });
        await ApiResponses.WriteJsonAsync(context, 201, ProjectJson.Build(project, user.Role, now, v2: true));
    }

    private static bool Contains(string value, string? part) => part is null || value.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>A reference filter pair: the id must be equal, the name must contain the text (both when given).</summary>
    private static bool Matches(OrgReference? r, long? id, string? name) =>
        (id is null || r?.Id == id.Value.ToString(CultureInfo.InvariantCulture)) && (name is null || (r is not null && Contains(r.Name, name)));
}

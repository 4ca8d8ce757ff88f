using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Analyses: POST /api2/v2/analyses (createAnalyseAsync_1, CreateAnalyseAsyncV2Dto → 200
/// AsyncAnalyseListResponseV2Dto {asyncRequests: [{asyncRequest, analyse: {id, uid}}]}, one analysis per project of the
/// jobs), GET /api2/v3/analyses/{analyseUid} (AnalyseV3Dto), GET /api2/v3/projects/{projectUid}/analyses
/// (listByProjectV3, PageDtoAnalyseReference), GET /api2/v1/analyses/{analyseUid}/jobs/{jobUid} (AnalyseJobDto) and
/// GET /api2/v1/analyses/{analyseUid}/analyseLanguageParts/{analyseLanguagePartId}/jobs (PageDtoAnalyseJobDto).
/// Figures: <see cref="AnalysisFigures"/>, all of them no-match (transMemoryMatches.match0); available once the
/// analysis's async request has finished.</summary>
internal static class AnalysisRoutes
{
    private static readonly string[] Types = ["PreAnalyse", "PostAnalyse", "Compare"];
    private static readonly string[] Flags =
    [
        "includeFuzzyRepetitions", "separateFuzzyRepetitions", "includeConfirmedSegments", "includeNumbers", "includeLockedSegments",
        "countSourceUnits", "includeTransMemory", "includeNonTranslatables", "includeMachineTranslationMatches", "transMemoryPostEditing",
        "nonTranslatablePostEditing", "machineTranslatePostEditing", "useProjectAnalysisSettings",
    ];
    private static readonly HashSet<string> DefaultTrue =
        ["includeFuzzyRepetitions", "includeConfirmedSegments", "includeNumbers", "includeLockedSegments", "countSourceUnits", "includeTransMemory"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/web/api2/v2/analyses", context => CreateAsync(context, state));
        app.MapGet("/web/api2/v3/analyses/{analyseUid}", context =>
            Find(context, state, out var a) is { } notFound ? notFound : ApiResponses.WriteJsonAsync(context, 200, Details(a!)));
        app.MapGet("/web/api2/v3/projects/{projectUid}/analyses", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/analyses/{analyseUid}/jobs/{jobUid}", context =>
        {
            if (Find(context, state, out var a) is { } notFound) return notFound;
            var jobUid = (string)context.Request.RouteValues["jobUid"]!;
            var job = a!.Jobs.FirstOrDefault(j => j.Uid == jobUid);
            return job is null
                ? ApiResponses.ResourceNotFound(context, $"Job {jobUid} not found in analysis {a.Uid}")
                : ApiResponses.WriteJsonAsync(context, 200, JobDto(a, job));
        });
        app.MapGet("/web/api2/v1/analyses/{analyseUid}/analyseLanguageParts/{analyseLanguagePartId}/jobs", context =>
        {
            var q = new QueryReader(context.Request.Query);
            var page = q.Page();
            if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);
            if (Find(context, state, out var a) is { } notFound) return notFound;
            var partId = (string)context.Request.RouteValues["analyseLanguagePartId"]!;
            if (!long.TryParse(partId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                return ApiResponses.InvalidArguments(context, "analyseLanguagePartId: must be an integer");
            var part = a!.LanguageParts.FirstOrDefault(p => p.Id == partId);
            return part.Id is null
                ? ApiResponses.ResourceNotFound(context, $"Analyse language part {partId} not found in analysis {a.Uid}")
                : PageJson.WriteAsync(context, part.Jobs.ToArray(), page, j => JobDto(a, j));
        });
    }

    private static Task? Find(HttpContext context, EmulatorState state, out OrgAnalysis? analysis)
    {
        var uid = (string)context.Request.RouteValues["analyseUid"]!;
        analysis = state.Data.Organization.Analyses.Find(uid);
        return analysis is null ? ApiResponses.ResourceNotFound(context, $"Analyse {uid} not found") : null;
    }

    private static async Task CreateAsync(HttpContext context, EmulatorState state)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object (CreateAnalyseAsyncV2Dto)");
            return;
        }
        var invalid = FlowRequests.JobUids(body, out var uids);
        string? type = null;
        if (invalid is null) RequestJson.TryEnum(body, "type", Types, required: false, out type, out invalid);
        var settings = new Dictionary<string, bool>();
        foreach (var flag in Flags)
        {
            if (invalid is not null) break;
            RequestJson.TryBool(body, flag, out var value, out invalid);
            settings[flag] = value ?? DefaultTrue.Contains(flag);
        }
        type ??= "PreAnalyse";
        if (invalid is null && body["name"] is { Type: not (JTokenType.Null or JTokenType.String) }) invalid = "name: must be a string";
        if (invalid is null && type == "Compare" && body["compareWorkflowLevel"] is not { Type: JTokenType.Integer })
            invalid = "compareWorkflowLevel: must not be null for type Compare";
        if (invalid is not null)
        {
            await ApiResponses.InvalidArguments(context, invalid);
            return;
        }
        var found = new List<(OrgProject Project, OrgJob Job)>();
        foreach (var uid in uids)
        {
            var hit = state.Data.Organization.Projects.All.Select(p => (Project: p, Job: p.FindJob(uid))).FirstOrDefault(x => x.Job is not null);
            if (hit.Job is null)
            {
                await ApiResponses.ResourceNotFound(context, $"Job {uid} not found");
                return;
            }
            if (!hit.Job.Imported)
            {
                await ApiResponses.WriteErrorAsync(context, 400, "JobNotReady", $"Job {uid} has not been imported yet (wait for its IMPORT_JOB request)");
                return;
            }
            found.Add(hit!);
        }
        var action = type switch { "PostAnalyse" => "POST_ANALYSE", "Compare" => "COMPARE_ANALYSE", _ => "PRE_ANALYSE" };
        var name = (string?)body["name"];
        var answers = new JArray();
        foreach (var group in found.GroupBy(f => f.Project))
        {
            var request = AsyncWork.Start(state, context, action, group.Key);
            var analysis = state.Data.Organization.Analyses.Add(group.Key, (id, innerId) => new OrgAnalysis
            {
                Id = id,
                Uid = state.Data.NextUid(),
                InnerId = innerId,
                Type = type,
                Name = string.IsNullOrWhiteSpace(name) ? $"Analysis #{innerId}" : name,
                Project = group.Key,
                CreatedBy = AuthMiddleware.User(context),
                DateCreated = request.DateCreated,
                Jobs = group.Select(g => g.Job).ToArray(),
                Request = request,
                Settings = settings,
            });
            answers.Add(new JObject
            {
                ["asyncRequest"] = AsyncWork.Dto(request),
                ["analyse"] = new JObject { ["id"] = analysis.Id, ["uid"] = analysis.Uid },
            });
        }
        await ApiResponses.WriteJsonAsync(context, 200, new JObject { ["asyncRequests"] = answers });
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var name = q.String("name");
        var uid = q.String("uid");
        var page = q.Page();
        q.Enums("sort", ["DATE_CREATED"]);
        var order = q.Enums("order", ["asc", "desc"]);
        q.Bool("onlyOwnerOrg");
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        if (state.Data.Organization.Projects.Find(projectUid) is null) return ApiResponses.ProjectNotFound(context, projectUid);
        var ascending = order.Count > 0 && order[0] == "asc";
        var matching = state.Data.Organization.Analyses.All
            .Where(a => a.Project.Uid == projectUid)
            .Where(a => name is null || a.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(a => uid is null || a.Uid == uid);
        var ordered = (ascending ? matching.OrderBy(a => a.DateCreated).ThenBy(a => a.Id, StringComparer.Ordinal)
            : matching.OrderByDescending(a => a.DateCreated).ThenByDescending(a => a.Id, StringComparer.Ordinal)).ToArray();
        return PageJson.WriteAsync(context, ordered, page, Reference, ("dateCreated", ascending ? "ASC" : "DESC"));
    }

    /// <summary>AnalyseReference.</summary>
    private static JObject Reference(OrgAnalysis a) => new()
    {
        ["id"] = a.Id,
        ["uid"] = a.Uid,
        ["innerId"] = a.InnerId.ToString(CultureInfo.InvariantCulture),
        ["type"] = a.Type,
        ["name"] = a.Name,
        ["provider"] = null,
        ["createdBy"] = ReferenceJson.User(a.CreatedBy),
        ["dateCreated"] = ReferenceJson.Date(a.DateCreated),
        ["netRateScheme"] = null,
        ["analyseLanguageParts"] = new JArray(a.LanguageParts.Select(p => new JObject
        {
            ["id"] = p.Id,
            ["sourceLang"] = a.Project.SourceLang,
            ["targetLang"] = p.TargetLang,
            ["jobs"] = JobReferences(p.Jobs),
        })),
        ["outdated"] = false,
        ["importStatus"] = ImportStatus(a),
        ["pureWarnings"] = new JArray(),
    };

    /// <summary>AnalyseV3Dto.</summary>
    private static JObject Details(OrgAnalysis a) => new()
    {
        ["id"] = a.Id,
        ["uid"] = a.Uid,
        ["innerId"] = a.InnerId,
        ["type"] = a.Type,
        ["name"] = a.Name,
        ["provider"] = null,
        ["createdBy"] = ReferenceJson.User(a.CreatedBy),
        ["dateCreated"] = ReferenceJson.Date(a.DateCreated),
        ["netRateScheme"] = null,
        ["canChangeNetRateScheme"] = true,
        ["analyseLanguageParts"] = new JArray(a.LanguageParts.Select(p => new JObject
        {
            ["id"] = p.Id,
            ["sourceLang"] = a.Project.SourceLang,
            ["targetLang"] = p.TargetLang,
            ["data"] = Data(a, AnalysisFigures.Sum(p.Jobs), v1: false),
            ["discountedData"] = Data(a, AnalysisFigures.Sum(p.Jobs), v1: false),
            ["jobs"] = JobReferences(p.Jobs),
            ["transMemories"] = new JArray(),
        })),
        ["settings"] = Settings(a),
        ["outdated"] = false,
        ["importStatus"] = ImportStatus(a),
        ["pureWarnings"] = new JArray(),
        ["project"] = new JObject { ["name"] = a.Project.Name, ["uid"] = a.Project.Uid },
    };

    /// <summary>AnalyseJobDto.</summary>
    private static JObject JobDto(OrgAnalysis a, OrgJob j) => new()
    {
        ["uid"] = j.Uid,
        ["filename"] = j.Filename,
        ["data"] = Data(a, AnalysisFigures.Of(j), v1: true),
        ["discountedData"] = Data(a, AnalysisFigures.Of(j), v1: true),
    };

    private static JArray JobReferences(IEnumerable<OrgJob> jobs) =>
        new(jobs.Select(j => new JObject { ["uid"] = j.Uid, ["filename"] = j.Filename, ["innerId"] = j.InnerId }));

    private static JObject ImportStatus(OrgAnalysis a) => new() { ["status"] = a.Available ? "OK" : "RUNNING", ["errorMessage"] = null };

    private static JObject Settings(OrgAnalysis a)
    {
        var s = new JObject
        {
            ["type"] = a.Type,
            ["includeConfirmedSegments"] = a.Settings["includeConfirmedSegments"],
            ["includeNumbers"] = a.Settings["includeNumbers"],
            ["includeLockedSegments"] = a.Settings["includeLockedSegments"],
            ["countSourceUnits"] = a.Settings["countSourceUnits"],
            ["includeTransMemory"] = a.Settings["includeTransMemory"],
            ["namingPattern"] = null,
            ["analyzeByLanguage"] = false,
            ["analyzeByProvider"] = false,
            ["allowAutomaticPostAnalysis"] = false,
        };
        if (a.Type == "PreAnalyse")
            foreach (var f in new[] { "includeFuzzyRepetitions", "separateFuzzyRepetitions", "includeNonTranslatables", "includeMachineTranslationMatches" })
                s[f] = a.Settings[f];
        return s;
    }

    /// <summary>DataDto (v3) / DataDtoV1: every word is a no-match; zeros until the analysis is available.</summary>
    private static JObject Data(OrgAnalysis a, AnalysisFigures f, bool v1)
    {
        var all = a.Available ? f : new AnalysisFigures(0, 0, 0);
        var data = new JObject { ["available"] = a.Available };
        if (!v1) data["estimate"] = false;
        data["all"] = Counts(all, 100);
        data["repetitions"] = Counts(default, 0);
        data["transMemoryMatches"] = Matches(all, withMatch101: true);
        data["machineTranslationMatches"] = Matches(default, withMatch101: false);
        data["nonTranslatablesMatches"] = Matches(default, withMatch101: false);
        data["internalFuzzyMatches"] = Matches(default, withMatch101: false);
        return data;
    }

    private static JObject Matches(AnalysisFigures match0, bool withMatch101)
    {
        var m = new JObject();
        foreach (var band in new[] { "match100", "match95", "match85", "match75", "match50" }) m[band] = Counts(default, 0);
        m["match0"] = Counts(match0, match0.Words > 0 ? 100 : 0);
        if (withMatch101) m["match101"] = Counts(default, 0);
        return m;
    }

    /// <summary>CountsDto; normalizedPages = characters / 1800, editingTime 0.</summary>
    private static JObject Counts(AnalysisFigures f, double percent) => new()
    {
        ["segments"] = (double)f.Segments,
        ["words"] = (double)f.Words,
        ["characters"] = (double)f.Characters,
        ["normalizedPages"] = Math.Round(f.Characters / 1800.0, 2),
        ["percent"] = percent,
        ["editingTime"] = 0.0,
    };
}

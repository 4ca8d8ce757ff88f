using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>A project as AbstractProjectDto (v1: GET/list) or AbstractProjectDtoV2 (v2/v3: create, applyTemplate), the
/// "Admin, Project Manager" variant. userRole is the caller's role. Every field is written, null when absent;
/// the settings references (qualityAssuranceSettings, analyseSettings, accessSettings, financialSettings) are null.
/// progress counts jobs of every workflow level: finished = COMPLETED or DELIVERED, overdue = unfinished, not
/// CANCELLED and past dateDue.</summary>
internal static class ProjectJson
{
    public static JObject Build(OrgProject p, string userRole, DateTimeOffset now, bool v2)
    {
        var jobs = p.Jobs;
        var o = new JObject
        {
            ["uid"] = p.Uid,
            ["internalId"] = p.InternalId,
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["dateCreated"] = ReferenceJson.Date(p.DateCreated),
            ["domain"] = ReferenceJson.Org(p.Domain),
            ["subDomain"] = ReferenceJson.Org(p.SubDomain),
            ["owner"] = ReferenceJson.User(p.Owner),
            ["sourceLang"] = p.SourceLang,
            ["targetLangs"] = ReferenceJson.Strings(p.TargetLangs),
            ["references"] = new JArray(),
            ["mtSettingsPerLanguageList"] = new JArray(),
            ["userRole"] = userRole,
            ["shared"] = p.Shared,
            ["progress"] = new JObject
            {
                ["totalCount"] = jobs.Count,
                ["finishedCount"] = jobs.Count(IsFinished),
                ["overdueCount"] = jobs.Count(j => !IsFinished(j) && j.Status != OrgJob.Cancelled && j.DateDue < now),
            },
            ["client"] = ReferenceJson.Org(p.Client),
            ["costCenter"] = ReferenceJson.Org(p.CostCenter),
            ["businessUnit"] = ReferenceJson.Org(p.BusinessUnit),
            ["dateDue"] = ReferenceJson.Date(p.DateDue),
            ["status"] = p.Status,
            ["purchaseOrder"] = p.PurchaseOrder,
            ["isPublishedOnJobBoard"] = false,
            ["note"] = p.Note,
            ["createdBy"] = ReferenceJson.User(p.CreatedBy),
            ["qualityAssuranceSettings"] = null,
            ["workflowSteps"] = new JArray(p.WorkflowSteps.Select(s => WorkflowStep(s, v2))),
            ["analyseSettings"] = null,
            ["accessSettings"] = null,
            ["financialSettings"] = null,
            ["projectWorkflowSettings"] = new JObject
            {
                ["propagateTranslationsToLowerWfDuringUpdateSource"] = p.PropagateTranslationsToLowerWf,
            },
        };
        if (!v2) o["archived"] = p.Archived;
        return o;
    }

    public static bool IsFinished(OrgJob j) => j.Status is OrgJob.Completed or OrgJob.Delivered;

    /// <summary>ProjectWorkflowStepDto (v1, with lqaProfileUid) / ProjectWorkflowStepDtoV2; workflowStep references the
    /// global step (WorkflowStepReferenceV2; v1's ObjectReference is written the same way).</summary>
    private static JObject WorkflowStep(OrgProjectWorkflowStep s, bool v2)
    {
        var o = new JObject
        {
            ["id"] = s.Id,
            ["abbreviation"] = s.Step.Abbreviation,
            ["name"] = s.Step.Name,
            ["workflowLevel"] = s.WorkflowLevel,
            ["workflowStep"] = ReferenceJson.WorkflowStep(s.Step),
        };
        if (!v2) o["lqaProfileUid"] = null;
        return o;
    }
}

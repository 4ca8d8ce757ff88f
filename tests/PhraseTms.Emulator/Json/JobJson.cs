using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>A job as JobPartReferenceV2 (list) or JobPartExtendedDto (get). Every field is written, null when absent.
/// importStatus is RUNNING (imported false) until an uploaded job's import has finished; jobs are never split.</summary>
internal static class JobJson
{
    public static JObject Reference(OrgJob j) => new()
    {
        ["uid"] = j.Uid,
        ["innerId"] = j.InnerId,
        ["status"] = j.Status,
        ["providers"] = Providers(j),
        ["targetLang"] = j.TargetLang,
        ["workflowStep"] = WorkflowStep(j.WorkflowStep),
        ["filename"] = j.Filename,
        ["originalFileDirectory"] = j.OriginalFileDirectory,
        ["dateDue"] = ReferenceJson.Date(j.DateDue),
        ["dateCreated"] = ReferenceJson.Date(j.DateCreated),
        ["importStatus"] = ImportStatus(j),
        ["continuous"] = j.Continuous,
        ["sourceFileUid"] = j.SourceFileUid,
        ["split"] = false,
        ["serverTaskId"] = null,
        ["owner"] = ReferenceJson.User(j.Owner),
        ["remoteFile"] = null,
        ["imported"] = j.Imported,
    };

    public static JObject Extended(OrgJob j, int lastWorkflowLevel) => new()
    {
        ["uid"] = j.Uid,
        ["innerId"] = j.InnerId,
        ["status"] = j.Status,
        ["providers"] = Providers(j),
        ["sourceLang"] = j.SourceLang,
        ["targetLang"] = j.TargetLang,
        ["workflowLevel"] = j.WorkflowLevel,
        ["workflowStep"] = WorkflowStep(j.WorkflowStep),
        ["filename"] = j.Filename,
        ["dateDue"] = ReferenceJson.Date(j.DateDue),
        ["wordsCount"] = j.WordsCount,
        ["beginIndex"] = 0,
        ["endIndex"] = Math.Max(0, j.WordsCount / 12 - 1),
        ["isParentJobSplit"] = false,
        ["updateSourceDate"] = ReferenceJson.Date(j.DateCreated),
        ["updateTargetDate"] = null,
        ["dateCreated"] = ReferenceJson.Date(j.DateCreated),
        ["jobReference"] = new JObject { ["uid"] = j.Uid, ["filename"] = j.Filename },
        ["project"] = new JObject { ["name"] = j.ProjectName, ["uid"] = j.ProjectUid },
        ["lastWorkflowLevel"] = lastWorkflowLevel,
        ["workUnit"] = null,
        ["importStatus"] = ImportStatus(j),
        ["imported"] = j.Imported,
        ["continuous"] = j.Continuous,
        ["continuousJobInfo"] = null,
        ["originalFileDirectory"] = j.OriginalFileDirectory,
    };

    private static JArray Providers(OrgJob j) =>
        new(j.Providers.Select(p => new JObject { ["type"] = p.Type, ["id"] = p.Id, ["uid"] = p.Uid }));

    /// <summary>ProjectWorkflowStepReference {name, id, order, workflowLevel}; id is the project's step id.</summary>
    private static JObject? WorkflowStep(OrgProjectWorkflowStep? s) => s is null ? null : new JObject
    {
        ["name"] = s.Step.Name,
        ["id"] = s.Id.ToString(CultureInfo.InvariantCulture),
        ["order"] = s.Step.Order,
        ["workflowLevel"] = s.WorkflowLevel,
    };

    /// <summary>ImportStatusDto: RUNNING until an uploaded job's import has finished, then OK.</summary>
    private static JObject ImportStatus(OrgJob j) => new() { ["status"] = j.Imported ? "OK" : "RUNNING", ["errorMessage"] = null };
}

using PhraseTms.Generator.Model;
using PhraseTms.Generator.Models;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Cmdlets;

// Decides, for every operation of status "generate" in the command map, whether the build generates it and how
// (api/README.md, "Cmdlets"). One cmdlet per name; the operations sharing a name are its parameter sets.
internal static class CmdletPlanner
{
    public const string Namespace = "PhraseTms.Cmdlets.Generated";

    // Parameters every cmdlet already has (PowerShell's common and risk parameters, the bases' and the paging ones)
    // and members of the cmdlet bases a property must not hide: a field of that name is left out of the cmdlet
    // (a body field stays reachable through -Body; a path or query parameter makes the operation planned).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "Session", "TimeoutSec", "Wait", "Body", "First", "Skip", "IncludeTotalCount", "Client", "Host", "Events",
        "Stopping", "CommandRuntime", "MyInvocation", "ParameterSetName", "InvokeCommand", "InvokeProvider",
        "SessionState", "PagingParameters", "CommandOrigin", "JobManager", "JobRepository", "CurrentProviderLocation",
        "Context", "Stream", "Post", "Await", "Dispose", "Release", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Why an operation of status "generate" is not generated; null when it is (every operation of the
    /// description today: files go through the transfer helpers, header parameters are parameters).</summary>
    public static string? Excluded(Operation op)
    {
        if (!op.Upload && op.RequestBody is { } b && !(b.ContentTypes.Count == 1 && b.ContentTypes[0] == "json"))
            return "a body other than JSON or a file";
        return null;
    }

    public static CmdletSetPlan FromRepository(string root)
    {
        var api = ApiJson.Read<ApiDescription>(RepoPaths.Description(root));
        var map = CommandMapBuilder.FromRepository(root);
        var models = ModelPlanner.FromRepository(root);
        return Plan(api, map, models);
    }

    public static CmdletSetPlan Plan(ApiDescription api, CommandMap map, ModelPlan models)
    {
        var ops = api.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var result = new CmdletSetPlan();
        foreach (var group in map.Operations.Where(o => o.Status == OperationStatus.Generate && o.Cmdlet is not null)
                     .GroupBy(o => o.Cmdlet!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cmdlet = new CmdletPlan { Name = group.Key };
            var dash = group.Key.IndexOf('-');
            cmdlet.Verb = group.Key[..dash];
            cmdlet.Noun = group.Key[(dash + 1)..];
            var pathParamCount = group.Select(e => ops[e.Key]).SelectMany(o => o.Parameters.Where(p => p.In == "path").Select(p => p.Name))
                .Distinct(StringComparer.Ordinal).Count();
            foreach (var entry in group.OrderBy(e => SetOrder(e.ParameterSet)).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                var op = ops[entry.Key];
                if (Excluded(op) is { } why) { result.Planned[entry.Key] = why; continue; }
                var set = PlanSet(cmdlet, entry, op, api, models, pathParamCount, out var problem);
                if (set is null) { result.Planned[entry.Key] = problem!; continue; }
                cmdlet.Sets.Add(set);
            }
            if (cmdlet.Sets.Count == 0) continue;
            // Several operations with a body: -Body alone names the first; the others' -Body sets also take a switch
            // named for their set (-ByLanguage -Body …), so that PowerShell can tell them apart.
            foreach (var s in cmdlet.Sets.Where(s => s.BodySetName is not null).Skip(1).ToList())
            {
                if (cmdlet.Properties.Any(p => string.Equals(p.Name, s.Name, StringComparison.OrdinalIgnoreCase)) || Reserved.Contains(s.Name))
                {
                    if (s.BodyOnly) { cmdlet.Sets.Remove(s); result.Planned[s.Operation.Key] = "its -Body set cannot be told apart from another's"; continue; }
                    s.BodySetName = null;
                    continue;
                }
                s.BodySwitch = s.Name;
            }
            // A set whose fields need the same parameters as an earlier set's cannot be told apart by them: its field
            // set takes the switch too (New-PhraseTmsAnalysis -ByLanguage -Job …; -Job alone: the plain POST /v2/analyses).
            foreach (var s in cmdlet.Sets.Where(s => s.BodySwitch is not null && !s.BodyOnly))
                s.FieldSwitch = cmdlet.Sets.TakeWhile(e => e != s).Any(e => !e.BodyOnly && Mandatory(cmdlet, e).SetEquals(Mandatory(cmdlet, s)));
            if (cmdlet.Sets.Count == 0) continue;
            // The default set: the one that needs the fewest parameters (a list before a get by id).
            cmdlet.DefaultSet = cmdlet.Sets.OrderBy(s => cmdlet.Properties.Count(p => p.Usages.Any(u => u.Set == s.Name && u.Mandatory)) + (s.BodyOnly ? 1 : 0))
                .ThenBy(s => SetOrder(s.Name)).First().DefaultName;
            if (SwallowsPipeline(cmdlet)) cmdlet.DefaultSet = null;
            FinishAliases(cmdlet);
            var methods = cmdlet.Sets.Select(s => s.Operation.Method).ToList();
            cmdlet.SupportsShouldProcess = methods.Any(m => m != "GET");
            cmdlet.ConfirmHigh = cmdlet.Sets.Any(s => s.Operation.Method == "DELETE" || IsDestructive(s.Operation.Summary));
            cmdlet.SupportsPaging = cmdlet.Sets.Any(s => s.Mode == OutputMode.Paged);
            cmdlet.Waits = cmdlet.Sets.Any(s => s.Waits);
            result.Cmdlets.Add(cmdlet);
        }
        return result;
    }

    // PowerShell binds pipeline input to the default set first whenever that set can take it: a default set that has a
    // mandatory parameter of its own from the pipeline (the jobs of a project: -ProjectUid) would swallow the objects
    // meant for a set that needs more (a job: -ProjectUid and -JobUid), and list instead of get. Such a cmdlet names
    // no default set; PowerShell then chooses by the mandatory parameters given, the same set from the command line as
    // the default would be, as long as every other set needs a parameter the default set lacks.
    private static bool SwallowsPipeline(CmdletPlan cmdlet)
    {
        var d = cmdlet.Sets.First(s => s.DefaultName == cmdlet.DefaultSet);
        if (d.BodyOnly) return false;
        var mine = Mandatory(cmdlet, d);
        if (!cmdlet.Properties.Any(p => p.Usages.Any(u => u.Set == d.Name && u.Mandatory && u.ByPropertyName))) return false;
        var others = cmdlet.Sets.Where(s => s != d && !s.BodyOnly).ToList();
        return others.Any(s => Mandatory(cmdlet, s).IsProperSupersetOf(mine)) && others.All(s => Mandatory(cmdlet, s).Except(mine).Any());
    }

    private static HashSet<ParamPlan> Mandatory(CmdletPlan cmdlet, SetPlan s) =>
        cmdlet.Properties.Where(p => p.Usages.Any(u => u.Set == s.Name && u.Mandatory)).ToHashSet();

    // A list, a get by id, the plain operation (Default), then the variants (ByLanguage, Async, …).
    private static int SetOrder(string? set) => set switch { "List" => 0, "ById" => 1, "Default" => 2, _ => 3 };

    private static bool IsDestructive(string summary) =>
        System.Text.RegularExpressions.Regex.IsMatch(summary, @"\b(delete|clear|purge|remove all)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static SetPlan? PlanSet(CmdletPlan cmdlet, OperationEntry entry, Operation op, ApiDescription api, ModelPlan models,
        int pathParamCount, out string? problem)
    {
        problem = null;
        var set = new SetPlan { Name = entry.ParameterSet ?? "Default", Operation = op, Entry = entry };
        var names = (entry.Parameters ?? []).ToDictionary(p => (p.In, p.ApiName), p => p);
        foreach (var p in op.Parameters)
        {
            if (op.Paged && p.In == "query" && p.Name is "pageNumber" or "pageSize") continue;
            // Content-Disposition/-Length/-Type and Memsource are the transfer layer's, Authorization the session's.
            if (p.In == "header" && ParameterNamer.TransportHeaders.Contains(p.Name)) continue;
            if (!names.TryGetValue((p.In, p.Name), out var named)) { problem = $"parameter {p.Name} has no PowerShell name"; return null; }
            if (Reserved.Contains(named.Name)) { problem = $"parameter {p.Name} would be -{named.Name}, a name the cmdlet has already"; return null; }
            var type = ParameterType(p.Type, p.Format, p.Items?.Type, p.Items?.Format);
            if (type is null) { problem = $"parameter {p.Name} has a type no cmdlet parameter takes"; return null; }
            if (p.In == "path") type = "string";
            var values = p.Enum ?? p.Items?.Enum;
            var prop = cmdlet.Property(named.Name, type, p.In == "path" ? null : values, null, out var clash);
            if (prop is null) { problem = clash; return null; }
            var aliases = named.Aliases ?? [];
            // A nested resource's id keeps no Uid/Id alias: the parent's object would bind it (api/README.md, Cmdlets).
            if (pathParamCount > 1) aliases = aliases.Where(a => a is not ("Uid" or "Id")).ToList();
            prop.WantedAliases.AddRange(aliases);
            var usage = new ParamUsage(set.Name, named.Mandatory || (p.In == "path") || p.Required, p.In == "path");
            prop.Usages.Add(usage);
            prop.Describe(p.In, p.Name, p.Required || p.In == "path", p.Default?.ToString(Newtonsoft.Json.Formatting.None));
            var piece = new ApiPiece(p.Name, p.In, prop, PathKind(p));
            if (p.In == "path") set.Path.Add(piece); else if (p.In == "header") set.Headers.Add(piece); else set.Query.Add(piece);
        }

        if (op.Upload && !PlanUpload(cmdlet, set, entry, op, api, models, out problem)) return null;
        if (op.RequestBody is { } body && !op.Upload)
        {
            set.BodySetName = set.Name + "Body";
            set.BodyRequired = body.Required;
            if (body.Schema?.Ref is { } bodyRef && api.Definitions.ContainsKey(bodyRef))
            {
                var fields = Properties(api, bodyRef);
                // A required field that cannot be a parameter (its name is taken): the operation has its -Body set only.
                bool Representable(ParameterNameEntry named) =>
                    fields.TryGetValue(named.ApiName, out var f) && !f.ReadOnly && !Reserved.Contains(named.Name)
                    && FieldType(f, api, models).Type is { } t && !cmdlet.Properties.Any(p => string.Equals(p.Name, named.Name, StringComparison.OrdinalIgnoreCase) && p.Type != t);
                set.BodyOnly = (entry.Parameters ?? []).Any(p => p.In == "body" && p.Mandatory && !Representable(p));
                foreach (var named in (entry.Parameters ?? []).Where(p => p.In == "body" && !set.BodyOnly))
                {
                    if (!fields.TryGetValue(named.ApiName, out var f) || f.ReadOnly) continue;
                    if (Reserved.Contains(named.Name)) continue; // -Body reaches it
                    var (type, transform, values) = FieldType(f, api, models);
                    if (type is null) continue;
                    var prop = cmdlet.Property(named.Name, type, values, transform, out _);
                    if (prop is null) continue; // a clash: -Body reaches it
                    prop.WantedAliases.AddRange(named.Aliases ?? []);
                    prop.Usages.Add(new ParamUsage(set.Name, named.Mandatory, false));
                    prop.Describe("body", named.ApiName, named.Mandatory, null);
                    set.BodyFields.Add(new ApiPiece(named.ApiName, "body", prop, SegmentKind.None));
                }
            }
        }

        // The answer.
        var schema = op.Response?.Schema;
        if (op.BinaryResponse || op.Response?.Binary == true)
        {
            PlanDownload(cmdlet, set, op);
        }
        else if (op.Paged && op.PageItem is { } item && models.Definitions.TryGetValue(item, out var itemMap))
        {
            set.Mode = OutputMode.Paged;
            set.ItemType = itemMap.Type.Render();
            set.OutputType = itemMap.Type;
            var size = op.Parameters.FirstOrDefault(p => p.Name == "pageSize");
            set.PageSize = size?.Maximum is { } max ? (int)max : size?.Default?.Type == Newtonsoft.Json.Linq.JTokenType.Integer ? (int)size.Default : 50;
        }
        else if (op.Paged && schema?.Ref is { } pr && models.Definitions.TryGetValue(pr, out var pm) && pm.Type.Kind == TypeKind.Page)
        {
            // A page of values without a model (strings): paged all the same, written as they are.
            set.Mode = OutputMode.Paged;
            set.ItemType = pm.Type.Element!.Render();
            set.OutputType = pm.Type.Element;
            var size = op.Parameters.FirstOrDefault(p => p.Name == "pageSize");
            set.PageSize = size?.Maximum is { } max ? (int)max : 50;
        }
        else if (schema?.Ref is { } r && models.Definitions.TryGetValue(r, out var m))
        {
            set.Mode = OutputMode.Single;
            set.ResultType = m.Type.Render();
            set.OutputType = m.Type;
            // A list wrapper: the answer of a List set holds one array of models and counts; its items are written.
            if (set.Name == "List" && m.Kind == MappingKind.Class && models.Classes.FirstOrDefault(c => c.Definition == m.Definition) is { } cls)
            {
                var arrays = cls.Properties.Where(p => p.Type.Kind == TypeKind.List && p.Type.Element!.Kind == TypeKind.Model).ToList();
                if (arrays.Count == 1 && cls.Properties.All(p => p == arrays[0] || p.Type.Kind is TypeKind.Int or TypeKind.Long))
                {
                    set.Mode = OutputMode.Wrapped;
                    set.WrappedProperty = arrays[0].Name;
                    set.ItemType = arrays[0].Type.Element!.Render();
                    set.OutputType = arrays[0].Type.Element!;
                }
            }
        }
        else if (schema?.Type == "array" && schema.Items?.Ref is { } ir && models.Definitions.TryGetValue(ir, out var im))
        {
            set.Mode = OutputMode.Array;
            set.ItemType = im.Type.Render();
            set.ResultType = $"global::System.Collections.Generic.List<{set.ItemType}>";
            set.OutputType = im.Type;
        }
        else if (schema is null)
        {
            set.Mode = OutputMode.None;
        }
        else
        {
            set.Mode = OutputMode.Json; // a string, a number, a free-form object: written as PowerShell reads JSON
            set.ResultType = "global::Newtonsoft.Json.Linq.JToken";
        }
        set.Waits = op.Async && set.Mode is OutputMode.Single;
        if (op.Upload && set.Mode is OutputMode.Single && schema?.Ref is { } ur && models.Definitions.TryGetValue(ur, out var um)
            && models.Classes.FirstOrDefault(c => c.Definition == um.Definition) is { } answer)
        {
            // What an upload created: the items of an answer that is one array of models beside its async request
            // (JobListDto's jobs), each carrying the path values; lists of texts (unsupportedFiles) become warnings.
            var arrays = answer.Properties.Where(p => p.Type.Kind == TypeKind.List && p.Type.Element!.Kind == TypeKind.Model).ToList();
            var texts = answer.Properties.Where(p => p.Type.Kind == TypeKind.List && p.Type.Element!.Kind == TypeKind.String).ToList();
            if (arrays.Count == 1 && answer.Properties.All(p => p == arrays[0] || texts.Contains(p) || p.ApiName == "asyncRequest"))
            {
                set.WrappedProperty = arrays[0].Name;
                set.WarningProperties.AddRange(texts.Select(t => t.Name));
                set.ItemType = arrays[0].Type.Element!.Render();
                set.OutputType = arrays[0].Type.Element!;
            }
        }
        return set;
    }

    // An upload: -Path (files on disk, from the pipeline, -ThrottleLimit at once) or -InputStream with -FileName (the
    // <Set>Stream set); the Memsource header's fields typed as body fields are, -Metadata for the whole header;
    // multipart JSON parts typed (api/README.md, Cmdlets).
    private static bool PlanUpload(CmdletPlan cmdlet, SetPlan set, OperationEntry entry, Operation op, ApiDescription api, ModelPlan models, out string? problem)
    {
        string? why = null;
        var ok = PlanUploadParameters(cmdlet, set, entry, op, api, models, m => why ??= m);
        problem = why;
        return ok;
    }

    private static bool PlanUploadParameters(CmdletPlan cmdlet, SetPlan set, OperationEntry entry, Operation op, ApiDescription api, ModelPlan models, Action<string?> fail)
    {
        var named = entry.Parameters ?? [];
        var file = named.First(p => p.In == "file");
        set.StreamSetName = set.Name + "Stream";
        set.Upload = op.RequestBody!.ContentTypes.Contains("octet-stream") ? UploadKind.OctetStream : UploadKind.Multipart;
        set.FilePart = set.Upload == UploadKind.Multipart ? file.ApiName : null;
        set.ManyFiles = op.RequestBody.FormFields?.FirstOrDefault(f => f.Name == file.ApiName)?.Type == "array";

        ParamPlan? Add(string name, string type, ParamScope scope, bool mandatory, bool byPropertyName, string summary, IEnumerable<string>? aliases = null)
        {
            var prop = cmdlet.Property(name, type, null, null, out var clash);
            if (prop is null) { fail(clash); return null; }
            prop.Usages.Add(new ParamUsage(set.Name, mandatory, byPropertyName, scope));
            prop.WantedAliases.AddRange(aliases ?? []);
            prop.SetSummary(summary);
            return prop;
        }

        var what = set.ManyFiles ? "every file given to one call in one request" : "one request per file";
        if (Add("Path", "string[]", ParamScope.File, true, true,
                $"The file(s) to upload ({what}), streamed from disk, never read into memory; sent as {(set.FilePart is { } part ? $"the multipart part {part}" : "the request body")} with its file name. " +
                "Binds FullName/PSPath from Get-ChildItem; taken literally (no wildcards) relative to the current location; a missing file is an error before any request.",
                file.Aliases) is null) return false;
        if (Add("ThrottleLimit", "int", ParamScope.File, false, false,
                "How many files are uploaded at once (1 to 16, default 4); results are written in input order.") is not { } throttle) return false;
        throttle.Default = "4";
        throttle.Range = (1, 16);
        if (Add("InputStream", "global::System.IO.Stream", ParamScope.Stream, true, false,
                "A readable stream to upload instead of -Path (with -FileName); read as it is sent, never buffered, not closed.") is null) return false;
        if (Add("FileName", "string", ParamScope.Stream, true, false,
                "With -InputStream: the file name sent (Content-Disposition, UTF-8).") is null) return false;

        // The Memsource header: typed fields (from its schema, else JSON values) and -Metadata for all of it.
        if (op.MemsourceHeader is { } header)
        {
            var schemaFields = header.Schema?.Ref is { } sr ? Properties(api, sr) : new Dictionary<string, Property>();
            foreach (var m in named.Where(p => p.In == "memsource"))
            {
                if (Reserved.Contains(m.Name)) continue; // -Metadata reaches it
                var (type, transform, values) = schemaFields.TryGetValue(m.ApiName, out var f) ? FieldType(f, api, models) : ("object", null, null);
                if (type is null) continue;
                var prop = cmdlet.Property(m.Name, type, values, transform, out _);
                if (prop is null) continue;
                prop.WantedAliases.AddRange(m.Aliases ?? []);
                prop.Usages.Add(new ParamUsage(set.Name, m.Mandatory, false));
                prop.Describe("memsource", m.ApiName, m.Mandatory, null);
                set.MetaFields.Add(new ApiPiece(m.ApiName, "memsource", prop, SegmentKind.None));
            }
            set.MetadataRequired = header.Required;
            if (Add("Metadata", "object", ParamScope.All, false, false,
                    "The whole Memsource header (a hashtable, an object or a JSON string): the upload's metadata; the field parameters given are set over it.") is null) return false;
            if (set.MetaFields.FirstOrDefault(f => f.ApiName == "path") is { } pathField)
            {
                set.RelativeField = pathField.ApiName;
                if (Add("RelativeTo", "string", ParamScope.File, false, false,
                        $"A folder: each file's folder below it (with '/') becomes the Memsource field path (-{pathField.Property.Name} wins when given), so a folder tree keeps its layout. A file outside it is an error.") is null) return false;
            }
        }
        // Multipart JSON parts, typed as their definitions.
        foreach (var partField in op.RequestBody.FormFields?.Where(f => f.Name != file.ApiName) ?? [])
        {
            var m = named.FirstOrDefault(p => p.In == "form" && p.ApiName == partField.Name);
            if (m is null || Reserved.Contains(m.Name)) continue;
            var (type, transform, values) = partField.Ref is { } pr ? RefType(pr, api, models, false) : ("object", null, null);
            if (type is null) continue;
            var prop = cmdlet.Property(m.Name, type, values, transform, out _);
            if (prop is null) continue;
            prop.Usages.Add(new ParamUsage(set.Name, m.Mandatory, false));
            prop.SetSummary($"The multipart part {partField.Name}, sent as JSON{(partField.Ref is { } d ? $" of {d}" : "")}: a hashtable or an object{(transform is not null ? " (unknown keys are refused)" : "")}.");
            set.Parts.Add(new ApiPiece(partField.Name, "form", prop, SegmentKind.None));
        }
        return true;
    }

    // A file answer: streamed to -OutFile (a folder: the server's file name in it), -Force to overwrite, -PassThru for
    // the FileInfo; an async request's result (a path with {asyncRequestId}) can be fetched once: never retried.
    private static void PlanDownload(CmdletPlan cmdlet, SetPlan set, Operation op)
    {
        set.Mode = OutputMode.File;
        set.OneShot = op.Path.Contains("{asyncRequestId}", StringComparison.Ordinal);
        void Add(string name, string type, bool mandatory, string summary)
        {
            var prop = cmdlet.Property(name, type, null, null, out _);
            if (prop is null) return;
            prop.Usages.Add(new ParamUsage(set.Name, mandatory, false));
            prop.SetSummary(summary);
        }
        Add("OutFile", "string", true,
            "Where to save the file the API answers with (relative to the current location; a folder: the server's file name inside it). " +
            "Written under a temporary name and moved there once complete, never held in memory.");
        Add("Force", "global::System.Management.Automation.SwitchParameter", false, "Overwrites an existing -OutFile (without it, an existing file is an error before any request).");
        Add("PassThru", "global::System.Management.Automation.SwitchParameter", false, "Writes the saved file (a FileInfo).");
    }

    private static SegmentKind PathKind(Parameter p) =>
        p.Type is "integer" ? SegmentKind.NumericId
        : p.Name.EndsWith("Uid", StringComparison.Ordinal) || p.Name.EndsWith("UID", StringComparison.Ordinal) ? SegmentKind.Uid
        : SegmentKind.Escaped;

    // The C# type of a path/query parameter; null: none fits.
    private static string? ParameterType(string? type, string? format, string? itemType, string? itemFormat) => type switch
    {
        "string" => format is "date-time" or "date" ? "global::System.DateTime?" : "string",
        "integer" => format == "int32" ? "int?" : "long?",
        "number" => "double?",
        "boolean" => "global::System.Management.Automation.SwitchParameter",
        "array" => itemType switch
        {
            "string" => itemFormat is "date-time" or "date" ? "global::System.DateTime[]" : "string[]",
            "integer" => itemFormat == "int32" ? "int[]" : "long[]",
            "number" => "double[]",
            _ => null,
        },
        _ => null,
    };

    // A body field: its C# type, the model type the hashtable mapper converts to, and its values when an enum.
    private static (string? Type, string? Transform, List<string>? Values) FieldType(Property f, ApiDescription api, ModelPlan models)
    {
        if (f.Ref is { } r) return RefType(r, api, models, false);
        if (f.Type == "array" && f.Items is { } items)
        {
            if (items.Ref is { } ir) return RefType(ir, api, models, true);
            return (ParameterType("array", null, items.Type, items.Format), null, items.Enum);
        }
        if (f.Type == "object" || f.AdditionalProperties is not null) return ("object", null, null);
        return (ParameterType(f.Type, f.Format, null, null), null, f.Enum);
    }

    private static (string?, string?, List<string>?) RefType(string r, ApiDescription api, ModelPlan models, bool array)
    {
        if (api.Definitions.TryGetValue(r, out var d) && d.Enum is { Count: > 0 } values)
            return (array ? "string[]" : "string", null, values);
        if (!models.Definitions.TryGetValue(r, out var m)) return (null, null, null);
        if (m.Type.Kind != TypeKind.Model) return ("object", null, null); // free-form: sent as given
        var t = m.Type.Render() + (array ? "[]" : "");
        return (array ? t : t + "?", t, null);
    }

    // A definition's properties with those of its bases (bases first, its own win).
    private static Dictionary<string, Property> Properties(ApiDescription api, string name)
    {
        var result = new Dictionary<string, Property>(StringComparer.Ordinal);
        void Add(string n, int depth)
        {
            if (depth > 8 || !api.Definitions.TryGetValue(n, out var d)) return;
            foreach (var b in d.Bases ?? []) Add(b, depth + 1);
            foreach (var p in d.Properties) result[p.Name] = p;
        }
        Add(name, 0);
        return result;
    }

    // Aliases: each once per cmdlet, never a parameter's name.
    private static void FinishAliases(CmdletPlan cmdlet)
    {
        var taken = new HashSet<string>(cmdlet.Properties.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var reserved in Reserved) taken.Add(reserved);
        foreach (var p in cmdlet.Properties)
            foreach (var a in p.WantedAliases.Distinct(StringComparer.OrdinalIgnoreCase))
                if (taken.Add(a)) p.Aliases.Add(a);
    }
}

internal sealed class CmdletSetPlan
{
    public List<CmdletPlan> Cmdlets { get; } = new();
    public SortedDictionary<string, string> Planned { get; } = new(StringComparer.Ordinal); // operation key → why not yet

    public int Operations => Cmdlets.Sum(c => c.Sets.Count);

    public string SummaryLine() =>
        $"Cmdlets: {Operations} operations → {Cmdlets.Count} cmdlets, {Cmdlets.Sum(c => c.Properties.Count)} parameters; {Planned.Count} operations planned";
}

internal enum OutputMode { None, Single, Paged, Wrapped, Array, Json, File }

internal enum UploadKind { None, OctetStream, Multipart }

// Which parameter sets of an upload operation a parameter is in: both, the -Path set only, the -InputStream set only.
internal enum ParamScope { All, File, Stream }

internal enum SegmentKind { None, Uid, NumericId, Escaped }

internal sealed class CmdletPlan
{
    public string Name { get; set; } = "";
    public string Verb { get; set; } = "";
    public string Noun { get; set; } = "";
    public string ClassName => Verb + Noun + "Command";
    public List<SetPlan> Sets { get; } = new();
    public List<ParamPlan> Properties { get; } = new();
    public bool SupportsShouldProcess { get; set; }
    public bool ConfirmHigh { get; set; }
    public bool SupportsPaging { get; set; }
    public bool Waits { get; set; }
    /// <summary>The default parameter set; null when naming one would make pipeline input bind to the wrong set (SwallowsPipeline).</summary>
    public string? DefaultSet { get; set; }

    // The property of that name (one per name, shared by the sets); null and why when the types disagree.
    public ParamPlan? Property(string name, string type, List<string>? values, string? transform, out string? clash)
    {
        clash = null;
        var existing = Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            var p = new ParamPlan { Name = name, Type = type, Transform = transform, Values = values?.ToList() };
            Properties.Add(p);
            return p;
        }
        if (existing.Type != type || existing.Transform != transform)
        {
            clash = $"-{name} is {existing.Type} in another parameter set and {type} here";
            return null;
        }
        if (values is not null && existing.Values is not null)
            foreach (var v in values.Where(v => !existing.Values.Contains(v))) existing.Values.Add(v);
        else if (values is null) existing.Values = null;
        return existing;
    }
}

internal sealed class SetPlan
{
    public string Name { get; set; } = "";
    public Operation Operation { get; set; } = null!;
    public OperationEntry Entry { get; set; } = null!;
    public List<ApiPiece> Path { get; } = new();
    public List<ApiPiece> Query { get; } = new();
    public List<ApiPiece> BodyFields { get; } = new();
    public string? BodySetName { get; set; }
    public bool BodyOnly { get; set; }
    public bool FieldSwitch { get; set; }              // the field set needs BodySwitch too (its fields alone match an earlier set's)
    public string? BodySwitch { get; set; }            // the switch that selects this -Body set (all but the first)                 // a required field is no parameter: -Body only (no field set)
    public string DefaultName => BodyOnly ? BodySetName! : Name;
    public bool BodyRequired { get; set; }
    public OutputMode Mode { get; set; }
    public string? ResultType { get; set; }
    public string? ItemType { get; set; }
    public ModelType? OutputType { get; set; }
    public string? WrappedProperty { get; set; }
    public int PageSize { get; set; }
    public bool Waits { get; set; }
    public List<ApiPiece> Headers { get; } = new();
    public UploadKind Upload { get; set; }
    public string? StreamSetName { get; set; }          // an upload's -InputStream set (<Set>Stream)
    public string? FilePart { get; set; }               // multipart: the part the files go in
    public bool ManyFiles { get; set; }                 // multipart: every -Path in one request
    public List<ApiPiece> MetaFields { get; } = new();   // the Memsource header's fields
    public List<ApiPiece> Parts { get; } = new();        // multipart JSON parts
    public bool MetadataRequired { get; set; }
    public string? RelativeField { get; set; }          // the Memsource field -RelativeTo sets (path)
    public bool OneShot { get; set; }                   // a download that can be fetched once
    public List<string> WarningProperties { get; } = new(); // an upload's lists of texts written as warnings
}

internal sealed record ApiPiece(string ApiName, string In, ParamPlan Property, SegmentKind Kind);

internal sealed record ParamUsage(string Set, bool Mandatory, bool ByPropertyName, ParamScope Scope = ParamScope.All);

internal sealed class ParamPlan
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Transform { get; set; }
    public List<string>? Values { get; set; }
    public List<string> WantedAliases { get; } = new();
    public List<string> Aliases { get; } = new();
    public List<ParamUsage> Usages { get; } = new();
    public string? Summary { get; private set; }
    public string? Default { get; set; }                // a C# initializer (ThrottleLimit = 4)
    public (int Min, int Max)? Range { get; set; }      // [ValidateRange]

    /// <summary>A sentence written for a parameter the cmdlet adds itself (-Path, -OutFile, …).</summary>
    public void SetSummary(string summary) => Summary ??= summary;

    public bool IsSwitch => Type.EndsWith("SwitchParameter", StringComparison.Ordinal);

    // One sentence from the structure: what it is, where it goes, its values, required or its default.
    public void Describe(string location, string apiName, bool required, string? defaultValue)
    {
        if (Summary is not null) return;
        var what = Type switch
        {
            _ when Values is { Count: > 0 } => "One of " + string.Join(", ", Values.Take(12)) + (Values.Count > 12 ? " …" : ""),
            _ when IsSwitch => "A switch",
            "string" => "A text",
            "string[]" => "One or more texts",
            "global::System.DateTime?" => "A date (sent as UTC ISO 8601)",
            "global::System.DateTime[]" => "One or more dates (sent as UTC ISO 8601)",
            "int?" or "long?" => "A whole number",
            "int[]" or "long[]" => "One or more whole numbers",
            "double?" => "A number",
            "object" => "Any JSON value (a hashtable, an object or a JSON string)",
            _ when Transform is not null => $"A {Transform.Replace("global::PhraseTms.Client.Models.", "").TrimEnd('[', ']')} object or hashtable (unknown keys are refused)",
            _ => "A value",
        };
        var where = location switch
        {
            "path" => $"the path segment {{{apiName}}}",
            "header" => $"the header {apiName}",
            "memsource" => $"the field {apiName} of the Memsource header (the upload's JSON metadata)",
            "query" => $"the query parameter {apiName}",
            _ => $"the body field {apiName}",
        };
        var list = Type.EndsWith("[]", StringComparison.Ordinal) && location == "query" ? " (repeated for each value)" : "";
        var tail = required ? " Required." : defaultValue is { Length: > 0 } d ? $" Without it the API's default applies ({d.Trim('"')})." : "";
        Summary = $"{what}, sent as {where}{list}.{tail}";
    }
}

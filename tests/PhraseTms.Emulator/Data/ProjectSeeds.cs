using System.Globalization;

namespace PhraseTms.Emulator;

/// <summary>The seeded projects and their jobs: the connector-task projects (aBcD123 ...), seven well-known ones
/// (<see cref="SeedIds"/>) and 30 generated ones. Internal ids follow dateCreated (oldest = 1); ids are 100000 + internal id.</summary>
internal static class ProjectSeeds
{
    private static readonly string[] Topics =
    [
        "Website refresh", "Release notes", "Help center", "Onboarding course", "Product sheet", "Newsletter", "Press release",
        "User manual", "Safety data sheets", "Support macros",
    ];

    private sealed record Draft(string Uid, string Name, string Status, TimeSpan CreatedAgo, string Source, string[] Targets)
    {
        public OrgReference? Client { get; init; }
        public OrgReference? Domain { get; init; }
        public OrgReference? SubDomain { get; init; }
        public OrgReference? CostCenter { get; init; }
        public OrgReference? BusinessUnit { get; init; }
        public TimeSpan? DueIn { get; init; }
        public string? Note { get; init; }
        public string? PurchaseOrder { get; init; }
        public bool Archived { get; init; }
        public OrgWorkflowStep[] Steps { get; init; } = [];
        public UserAccount? Owner { get; init; }
        /// <summary>Files of the jobs; each gets one job per target language and workflow level.</summary>
        public string[] Files { get; init; } = [];
        /// <summary>Job statuses to draw from (uniformly).</summary>
        public string[] JobStatuses { get; init; } = [OrgJob.New];
    }

    public static IReadOnlyList<OrgProject> Create(int seed, DateTimeOffset now, IReadOnlyList<EmulatorProject> taskProjects,
        IReadOnlyList<OrgUser> users, OrganizationSeeds.References refs, OrgWorkflowStep[] steps)
    {
        var rng = new SplitMix(seed, 0x9A0);
        var day = TimeSpan.FromDays(1);
        var hour = TimeSpan.FromHours(1);
        var pm = users.First(u => u.Role == "PROJECT_MANAGER" && u.Id != "3001").Account;
        string[] mixed = [OrgJob.New, OrgJob.Accepted, OrgJob.Accepted, OrgJob.Completed, OrgJob.Completed, OrgJob.Delivered,
            OrgJob.Declined, OrgJob.Rejected, OrgJob.Emailed, OrgJob.Cancelled];
        string[] done = [OrgJob.Completed, OrgJob.Delivered];
        var files = TaskCatalog.FileNames;

        var drafts = new List<Draft>();
        var names = taskProjects.ToDictionary(p => p.Uid, p => p.Name);
        string Name(string uid, string fallback) => names.TryGetValue(uid, out var n) ? n : fallback;
        drafts.Add(new(SeedIds.DemoProject, Name(SeedIds.DemoProject, "Demo website"), OrgProject.Assigned, 30 * day, "en", ["de", "fr", "es", "ja"])
        {
            Client = refs.Clients[0], Domain = refs.Domains[0], SubDomain = refs.SubDomains[0], DueIn = 7 * day, Steps = [steps[0]],
            Files = ["website/en/index.html", "website/en/about.html"], JobStatuses = mixed, Note = "Connector tasks live here",
        });
        drafts.Add(new(SeedIds.MobileProject, Name(SeedIds.MobileProject, "Mobile app"), OrgProject.New, 3 * day, "en", ["de", "fr"])
        {
            Client = refs.Clients[1], Domain = refs.Domains[2], Files = ["app/strings/en.json", "app/android/strings.xml"],
        });
        drafts.Add(new(SeedIds.EmptyProject, Name(SeedIds.EmptyProject, "Empty project"), OrgProject.New, 2 * day, "en", ["de"]));
        drafts.Add(new(SeedIds.OnePageProject, Name(SeedIds.OnePageProject, "One full page"), OrgProject.Completed, 21 * hour, "en", ["de"])
        {
            Files = ["help/faq.md"], JobStatuses = [OrgJob.Completed],
        });
        drafts.Add(new(SeedIds.PartialProject, Name(SeedIds.PartialProject, "Partial pages"), OrgProject.Assigned, 22 * hour, "en", ["fr"]));
        if (taskProjects.Any(p => p.Uid == SeedIds.BenchProject))
            drafts.Add(new(SeedIds.BenchProject, Name(SeedIds.BenchProject, "Benchmark project"), OrgProject.New, 2 * hour, "en", ["de"]));

        drafts.Add(new(SeedIds.BigProject, "Product catalogue 2026", OrgProject.Assigned, 12 * day, "en", ["de", "fr", "es", "it"])
        {
            Client = refs.Clients[2], Domain = refs.Domains[2], CostCenter = refs.CostCenters[0], BusinessUnit = refs.BusinessUnits[0],
            DueIn = 2 * day, PurchaseOrder = "PO-2026-0120", Owner = pm,
            Files = Enumerable.Range(1, 30).Select(i => $"catalog/2026/section-{i:00}.xml").ToArray(), JobStatuses = mixed,
        });
        drafts.Add(new(SeedIds.WorkflowProject, "Legal contracts", OrgProject.Assigned, 9 * day, "en", ["de", "fr"])
        {
            Client = refs.Clients[0], Domain = refs.Domains[1], SubDomain = refs.SubDomains[1], BusinessUnit = refs.BusinessUnits[1],
            DueIn = 5 * day, Steps = [steps[0], steps[1]],
            Files = ["legal/terms-of-service.pdf", "legal/privacy-policy.docx", "legal/nda.docx"], JobStatuses = mixed,
        });
        drafts.Add(new(SeedIds.CompletedProject, "Annual report 2025", OrgProject.Completed, 60 * day, "en", ["de", "fr", "ja"])
        {
            Client = refs.Clients[3], DueIn = -40 * day, Files = ["reports/annual-2025.docx", "reports/summary.pptx"], JobStatuses = done,
        });
        drafts.Add(new(SeedIds.CancelledProject, "Cancelled pilot", OrgProject.Cancelled, 45 * day, "de", ["en"])
        {
            Files = ["pilot/intro.html"], JobStatuses = [OrgJob.Cancelled], Note = "Customer withdrew",
        });
        drafts.Add(new(SeedIds.VendorProject, "Vendor handoff", OrgProject.AcceptedByVendor, 6 * day, "en", ["pl", "sv"])
        {
            Client = refs.Clients[1], DueIn = 10 * day, Files = ["support/kb/billing.html"], JobStatuses = [OrgJob.Accepted],
        });
        drafts.Add(new(SeedIds.ArchivedProject, "Archived 2024 campaign", OrgProject.Completed, 400 * day, "en", ["de", "fr"])
        {
            Archived = true, DueIn = -380 * day, Domain = refs.Domains[0], Files = ["marketing/brochure_2026.idml"], JobStatuses = done,
        });
        drafts.Add(new(SeedIds.OverdueProject, "Overdue brochure", OrgProject.Assigned, 15 * day, "en", ["es"])
        {
            Client = refs.Clients[3], DueIn = -2 * day, Files = ["marketing/newsletter-march.html"], JobStatuses = [OrgJob.Accepted],
        });

        string[] generatedStatuses = [OrgProject.New, OrgProject.Assigned, OrgProject.Assigned, OrgProject.Completed, OrgProject.AcceptedByVendor,
            OrgProject.DeclinedByVendor, OrgProject.CompletedByVendor, OrgProject.Cancelled];
        string[] sources = ["en", "en", "en", "de"];
        for (var i = 0; i < 30; i++)
        {
            var status = generatedStatuses[rng.Next(generatedStatuses.Length)];
            var source = sources[rng.Next(sources.Length)];
            var targets = TaskCatalog.Languages.Where(l => l != source).OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToArray();
            var created = TimeSpan.FromDays(1 + rng.Next(90)) + TimeSpan.FromSeconds(rng.Next(86400));
            var jobFiles = Enumerable.Range(0, rng.Next(3)).Select(_ => files[rng.Next(files.Length)]).Distinct().ToArray();
            drafts.Add(new(SplitMix.Uid(seed ^ 0x9A0, i, 20), $"{Topics[i % Topics.Length]} {i + 1:00}", status, created, source, targets)
            {
                Client = rng.Next(3) == 0 ? null : refs.Clients[rng.Next(refs.Clients.Length)],
                Domain = rng.Next(2) == 0 ? null : refs.Domains[rng.Next(refs.Domains.Length)],
                CostCenter = rng.Next(4) == 0 ? refs.CostCenters[rng.Next(refs.CostCenters.Length)] : null,
                BusinessUnit = rng.Next(4) == 0 ? refs.BusinessUnits[rng.Next(refs.BusinessUnits.Length)] : null,
                DueIn = rng.Next(4) == 0 ? null : TimeSpan.FromHours(rng.Next(24 * 40)) - created + TimeSpan.FromDays(5),
                Owner = rng.Next(3) == 0 ? pm : null,
                Steps = rng.Next(3) == 0 ? [steps[0], steps[1]] : [steps[0]],
                Files = jobFiles,
                JobStatuses = status switch
                {
                    OrgProject.New => [OrgJob.New],
                    OrgProject.Completed or OrgProject.CompletedByVendor => done,
                    OrgProject.Cancelled => [OrgJob.Cancelled],
                    _ => mixed,
                },
            });
        }

        var ordered = drafts.OrderBy(d => EmulatorClock.TruncateToSecond(now - d.CreatedAgo)).ThenBy(d => d.Uid, StringComparer.Ordinal).ToArray();
        var linguists = users.Where(u => u.Role == "LINGUIST" && u.DateDeleted is null).ToArray();
        var projects = new List<OrgProject>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var d = ordered[i];
            var internalId = i + 1;
            var created = EmulatorClock.TruncateToSecond(now - d.CreatedAgo);
            var project = new OrgProject
            {
                Uid = d.Uid,
                InternalId = internalId,
                Id = (100000 + internalId).ToString(CultureInfo.InvariantCulture),
                Name = d.Name,
                DateCreated = created,
                SourceLang = d.Source,
                TargetLangs = d.Targets,
                Owner = d.Owner ?? SeedData.DemoAccount,
                CreatedBy = SeedData.DemoAccount,
                Client = d.Client,
                Domain = d.Domain,
                SubDomain = d.SubDomain,
                CostCenter = d.CostCenter,
                BusinessUnit = d.BusinessUnit,
                DateDue = d.DueIn is { } due ? EmulatorClock.TruncateToSecond(now + due) : null,
                Note = d.Note,
                PurchaseOrder = d.PurchaseOrder,
                Archived = d.Archived,
                Shared = d.Client is not null,
                Status = d.Status,
                WorkflowSteps = d.Steps.Select((s, k) => new OrgProjectWorkflowStep(internalId * 100L + k + 1, k + 1, s)).ToArray(),
            };
            var jobRng = new SplitMix(seed, 0x70B5 ^ (ulong)internalId << 20);
            foreach (var file in d.Files)
            {
                var sourceFileUid = SplitMix.Uid(seed ^ 0xF11E, (long)internalId << 20 ^ StableHash(file), 20);
                var words = 100 + jobRng.Next(4900);
                foreach (var lang in d.Targets)
                {
                    var levels = Math.Max(1, project.WorkflowSteps.Count);
                    for (var level = 1; level <= levels; level++)
                    {
                        var status = d.JobStatuses[jobRng.Next(d.JobStatuses.Length)];
                        var candidates = linguists.Where(u => u.TargetLangs.Contains(lang)).ToArray();
                        if (candidates.Length == 0) candidates = linguists;
                        var assigned = status != OrgJob.New || jobRng.Next(2) == 0;
                        var linguist = candidates[jobRng.Next(candidates.Length)];
                        AddJob(project, seed, file, lang, level, status, words, sourceFileUid, created + TimeSpan.FromMinutes(5),
                            assigned ? [new OrgJobProvider("USER", linguist.Id, linguist.Uid)] : []);
                    }
                }
            }
            projects.Add(project);
        }
        return projects;
    }

    /// <summary>Adds one job; its uid is derived from the seed, the project and the job's inner id.</summary>
    internal static OrgJob AddJob(OrgProject project, int seed, string file, string lang, int level, string status, int words,
        string sourceFileUid, DateTimeOffset created, IReadOnlyList<OrgJobProvider> providers)
    {
        OrgJob? job = null;
        project.AddJob(innerId => job = new OrgJob
        {
            Uid = SplitMix.Uid(seed ^ 0x70B, (long)project.InternalId << 20 | (uint)innerId, 20),
            InnerId = innerId.ToString(CultureInfo.InvariantCulture),
            ProjectUid = project.Uid,
            ProjectName = project.Name,
            SourceLang = project.SourceLang,
            TargetLang = lang,
            WorkflowLevel = level,
            WorkflowStep = project.WorkflowSteps.FirstOrDefault(s => s.WorkflowLevel == level),
            Filename = file.Contains('/') ? file[(file.LastIndexOf('/') + 1)..] : file,
            OriginalFileDirectory = file.Contains('/') ? file[..file.LastIndexOf('/')] : null,
            DateCreated = created,
            DateDue = project.DateDue,
            WordsCount = words,
            SourceFileUid = sourceFileUid,
            Owner = project.Owner,
            Providers = providers,
            Status = status,
        });
        return job!;
    }

    private static long StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return (long)(h & 0xFFFFF);
    }
}

namespace PhraseTms.Emulator;

/// <summary>Seeds <see cref="OrganizationData"/>: references, 30 users, 60 translation memories, 8 term bases, 5 project
/// templates, 6 connectors (all fixed names; dates, languages and generated uids from the seed) and the projects
/// (<see cref="ProjectSeeds"/>). Same seed and anchor, same data.</summary>
internal static class OrganizationSeeds
{
    public static readonly OrgWorkflowStep Translation = new("7001", "wfStepTransl01", "Translation", "T", 1, false);
    public static readonly OrgWorkflowStep Revision = new("7002", "wfStepRevis01", "Revision", "R", 2, true);
    public static readonly OrgWorkflowStep ClientReview = new("7003", "wfStepClient1", "Client review", "CR", 3, false);

    private static readonly OrgReference[] Clients =
    [
        new(SeedIds.ClientAcme, "clAcme000001", "Acme Corp"), new(SeedIds.ClientGlobex, "clGlobex0001", "Globex"),
        new(SeedIds.ClientContoso, "clContoso001", "Contoso Retail"), new(SeedIds.ClientInitech, "clInitech001", "Initech"),
    ];
    private static readonly OrgReference[] Domains =
        [new("601", "dmMarketing1", "Marketing"), new("602", "dmLegal00001", "Legal"), new("603", "dmTechnical1", "Technical")];
    private static readonly OrgReference[] SubDomains = [new("651", "sdWeb0000001", "Web"), new("652", "sdContracts1", "Contracts")];
    private static readonly OrgReference[] CostCenters = [new("701", "ccEurope0001", "CC Europe"), new("702", "ccAmericas01", "CC Americas")];
    private static readonly OrgReference[] BusinessUnits = [new("801", "buConsumer01", "Consumer"), new("802", "buEnterpris1", "Enterprise")];

    public static OrganizationData Create(int seed, DateTimeOffset now, IReadOnlyList<EmulatorProject> taskProjects)
    {
        var users = Users(seed, now);
        var refs = new References(Clients, Domains, SubDomains, CostCenters, BusinessUnits);
        var projects = ProjectSeeds.Create(seed, now, taskProjects, users, refs, [Translation, Revision, ClientReview]);
        return new OrganizationData(new OrgProjectStore(projects), users, TransMemories(seed, now), TermBases(now),
            Templates(now, users), Connectors(now), [Translation, Revision, ClientReview], Clients, Domains, SubDomains, CostCenters,
            BusinessUnits);
    }

    /// <summary>The references projects are seeded with (and that the create routes accept as IdReference ids).</summary>
    internal sealed record References(OrgReference[] Clients, OrgReference[] Domains, OrgReference[] SubDomains,
        OrgReference[] CostCenters, OrgReference[] BusinessUnits);

    private static DateTimeOffset Ago(DateTimeOffset now, TimeSpan span) => EmulatorClock.TruncateToSecond(now - span);

    private static readonly string[] FirstNames =
    [
        "Alice", "Bruno", "Chiara", "Daniel", "Elena", "Felix", "Greta", "Hiro", "Ines", "Jonas", "Kaori", "Lena", "Marco", "Nora",
        "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Tomoko", "Ugo", "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Amelie", "Bernd",
    ];
    private static readonly string[] LastNames =
    [
        "Adams", "Berger", "Conti", "Dubois", "Esposito", "Fischer", "Garcia", "Hayashi", "Iglesias", "Jansen", "Kato", "Lehmann",
        "Moreau", "Nowak", "Olsen", "Petit", "Quinn", "Rossi", "Schulz", "Tanaka", "Ulrich", "Vogel", "Weber", "Xu", "Yilmaz",
        "Zimmermann", "Arnaud", "Brandt",
    ];
    private static readonly string[] Timezones = ["Europe/Prague", "Europe/Berlin", "Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"];

    /// <summary>demo (1001, ADMIN), mfa (3001, PROJECT_MANAGER) and 28 more (ids 4001-4028): roles ADMIN x2,
    /// PROJECT_MANAGER x5, LINGUIST x14, GUEST x3, SUBMITTER x4; 4028 (usrDeleted01, a submitter) is deleted, 4027 (a submitter) inactive.</summary>
    private static IReadOnlyList<OrgUser> Users(int seed, DateTimeOffset now)
    {
        var rng = new SplitMix(seed, 0x05E25);
        var demo = SeedData.DemoAccount;
        var users = new List<OrgUser>
        {
            new(demo.Id, demo.Uid, demo.UserName, demo.FirstName, demo.LastName, demo.Email, demo.Role, "Europe/Prague",
                Ago(now, TimeSpan.FromDays(900)), null, null, "Owner of the demo API token", true, true, [], []),
            new("3001", SeedIds.MfaUser, "mfa", "Martha", "Factor", "mfa@example.com", "PROJECT_MANAGER", "Europe/Berlin",
                Ago(now, TimeSpan.FromDays(400)), null, demo, "Logs in with two-factor authentication", true, false, ["en"], ["de", "fr"]),
        };
        string[] roles = ["ADMIN", "ADMIN", .. Enumerable.Repeat("PROJECT_MANAGER", 5), .. Enumerable.Repeat("LINGUIST", 14),
            .. Enumerable.Repeat("GUEST", 3), .. Enumerable.Repeat("SUBMITTER", 4)];
        for (var k = 0; k < roles.Length; k++)
        {
            var id = 4001 + k;
            var role = roles[k];
            var first = FirstNames[k];
            var last = LastNames[k];
            var userName = $"{first}.{last}".ToLowerInvariant();
            var deleted = k == roles.Length - 1;
            var linguist = role is "LINGUIST" or "PROJECT_MANAGER";
            var targets = linguist ? TwoLanguages(ref rng) : [];
            var created = Ago(now, TimeSpan.FromDays(30 + rng.Next(700)) + TimeSpan.FromSeconds(rng.Next(86400)));
            users.Add(new OrgUser(id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                deleted ? SeedIds.DeletedUser : SplitMix.Uid(seed ^ 0x05E2, id, 20), userName, first, last, $"{userName}@example.com", role,
                Timezones[rng.Next(Timezones.Length)], created, deleted ? created + TimeSpan.FromDays(20) : null, demo,
                role == "GUEST" ? "Client reviewer" : null, Active: !deleted && k != roles.Length - 2, Terminologist: k % 5 == 0,
                linguist ? ["en"] : [], targets));
        }
        return WithLastLogins(users, seed, now);
    }

    /// <summary>Users who never logged in (LastLoginDate null), as <see cref="SeedIds"/> lists them.</summary>
    internal static readonly string[] NeverLoggedIn = ["4007", "4015", "4020", "4023", "4026"];

    /// <summary>Last logins: demo 5 minutes ago, mfa 3 days ago, 4002 (an admin) 200 days ago, <see cref="NeverLoggedIn"/> never,
    /// the others 1-120 days ago (from the seed).</summary>
    private static List<OrgUser> WithLastLogins(List<OrgUser> users, int seed, DateTimeOffset now)
    {
        var rng = new SplitMix(seed, 0x1A57);
        return users.Select(u => u with
        {
            LastLoginDate = u.Id switch
            {
                "1001" => Ago(now, TimeSpan.FromMinutes(5)),
                "3001" => Ago(now, TimeSpan.FromDays(3)),
                "4002" => Ago(now, TimeSpan.FromDays(200)),
                _ when NeverLoggedIn.Contains(u.Id) => null,
                _ => Ago(now, TimeSpan.FromDays(1 + rng.Next(120)) + TimeSpan.FromSeconds(rng.Next(86400))),
            },
        }).ToList();
    }

    private static string[] TwoLanguages(ref SplitMix rng)
    {
        var langs = TaskCatalog.Languages;
        var a = rng.Next(langs.Length);
        var b = (a + 1 + rng.Next(langs.Length - 1)) % langs.Length;
        return rng.Next(3) == 0 ? [langs[a]] : [langs[a], langs[b]];
    }

    /// <summary>The four background-task TMs (en → de) and 56 generated ones (internal ids 5-60).</summary>
    private static IReadOnlyList<OrgTransMemory> TransMemories(int seed, DateTimeOffset now)
    {
        var demo = SeedData.DemoAccount;
        var result = new List<OrgTransMemory>();
        string[] known = [SeedIds.TmOk, SeedIds.TmError, SeedIds.TmRunning, SeedIds.TmNever];
        string[] knownNames = ["Demo memory (finished)", "Demo memory (failed)", "Demo memory (running)", "Demo memory (never imported)"];
        for (var i = 0; i < known.Length; i++)
            result.Add(new OrgTransMemory((9001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), known[i], i + 1, knownNames[i],
                "en", ["de"], Clients[0], null, Domains[0], null, null, Ago(now, TimeSpan.FromDays(200 - i)), demo, demo));
        var rng = new SplitMix(seed, 0x7A5);
        string[] sources = ["en", "en", "en", "de"];
        for (var i = known.Length; i < 60; i++)
        {
            var source = sources[rng.Next(sources.Length)];
            var targets = TaskCatalog.Languages.Where(l => l != source).OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToArray();
            var client = rng.Next(5) < 3 ? Clients[rng.Next(Clients.Length)] : null;
            var domain = rng.Next(2) == 0 ? Domains[rng.Next(Domains.Length)] : null;
            var name = $"{client?.Name ?? "General"} {source}-{string.Join("-", targets)} {i + 1:00}";
            result.Add(new OrgTransMemory((9001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                SplitMix.Uid(seed ^ 0x7A5, i, 20), i + 1, name, source, targets, client,
                rng.Next(4) == 0 ? BusinessUnits[rng.Next(BusinessUnits.Length)] : null, domain,
                domain is not null && rng.Next(2) == 0 ? SubDomains[rng.Next(SubDomains.Length)] : null,
                rng.Next(3) == 0 ? "Imported from the legacy CAT tool" : null,
                Ago(now, TimeSpan.FromDays(1 + rng.Next(500)) + TimeSpan.FromSeconds(rng.Next(86400))), demo, demo));
        }
        return result;
    }

    /// <summary>The four background-task term bases (en, de) and four more.</summary>
    private static IReadOnlyList<OrgTermBase> TermBases(DateTimeOffset now)
    {
        var demo = SeedData.DemoAccount;
        OrgTermBase Tb(int n, string uid, string name, string[] langs, OrgReference? client, OrgReference? domain, string? note) =>
            new((9101 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), uid, n + 1, name, langs, client, domain, null, null,
                demo, demo, Ago(now, TimeSpan.FromDays(300 - 20 * n)), note);
        return
        [
            Tb(0, SeedIds.TbOk, "Demo glossary (finished)", ["en", "de"], Clients[0], null, null),
            Tb(1, SeedIds.TbError, "Demo glossary (failed)", ["en", "de"], Clients[0], null, null),
            Tb(2, SeedIds.TbRunning, "Demo glossary (running)", ["en", "de"], null, null, null),
            Tb(3, SeedIds.TbNever, "Demo glossary (never imported)", ["en", "de"], null, null, null),
            Tb(4, "tbProduct001", "Product terminology", ["en", "de", "fr"], Clients[2], Domains[2], "Approved product names"),
            Tb(5, "tbLegal00001", "Legal glossary", ["en", "de"], Clients[0], Domains[1], null),
            Tb(6, "tbMedical001", "Medical terms", ["en", "ja"], null, Domains[2], null),
            Tb(7, "tbBrand00001", "Brand names", ["en", "de", "fr", "es", "it"], Clients[1], Domains[0], "Never translate brand names"),
        ];
    }

    private static IReadOnlyList<OrgProjectTemplate> Templates(DateTimeOffset now, IReadOnlyList<OrgUser> users)
    {
        var demo = SeedData.DemoAccount;
        var pm = users.First(u => u.Role == "PROJECT_MANAGER" && u.Id != "3001").Account;
        var linguists = users.Where(u => u.Role == "LINGUIST" && u.DateDeleted is null).ToArray();
        IReadOnlyDictionary<string, IReadOnlyList<OrgUser>> Assign(params string[] langs) =>
            langs.ToDictionary(l => l, l => (IReadOnlyList<OrgUser>)linguists.Where(u => u.TargetLangs.Contains(l)).Take(1).ToArray());
        var none = new Dictionary<string, IReadOnlyList<OrgUser>>();
        OrgProjectTemplate T(int n, string uid, string name, string? projectName, string source, string[] targets, string? note,
            UserAccount owner, OrgReference? client, OrgReference? domain, OrgReference? subDomain, OrgReference? costCenter,
            OrgReference? businessUnit, OrgWorkflowStep[] steps, IReadOnlyDictionary<string, IReadOnlyList<OrgUser>> assignments)
        {
            var created = Ago(now, TimeSpan.FromDays(120 - 10 * n));
            return new((8501 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), uid, name, projectName, source, targets, note,
                owner, client, domain, subDomain, costCenter, businessUnit, steps, assignments, created, created + TimeSpan.FromDays(3 + n));
        }
        return
        [
            T(0, SeedIds.TemplateWebsite, "Website standard", "Website {date}", "en", ["de", "fr", "es"], "Default for web pages", demo,
                Clients[0], Domains[0], SubDomains[0], CostCenters[0], BusinessUnits[0], [Translation], Assign("de", "fr", "es")),
            T(1, SeedIds.TemplateLegal, "Legal two-step", null, "en", ["de", "fr"], "Translation and revision by a second linguist", pm,
                Clients[0], Domains[1], SubDomains[1], CostCenters[0], BusinessUnits[1], [Translation, Revision], none),
            T(2, SeedIds.TemplateMobile, "Mobile app strings", null, "en", ["de", "fr", "ja", "ko"], null, demo,
                Clients[1], Domains[2], null, null, BusinessUnits[0], [Translation], none),
            T(3, SeedIds.TemplateMarketing, "Marketing (no client)", null, "en", ["de"], null, pm,
                null, Domains[0], null, CostCenters[1], null, [Translation, Revision, ClientReview], none),
            T(4, SeedIds.TemplateJapanese, "Japanese catalogue", null, "en", ["ja"], null, demo,
                Clients[2], null, null, null, null, [], none),
        ];
    }

    private static IReadOnlyList<OrgConnector> Connectors(DateTimeOffset now)
    {
        var demo = SeedData.DemoAccount;
        OrgConnector C(int n, string id, string name, string type, params OrgAutomatedProject[] automated) =>
            new(id, name, type, demo, Ago(now, TimeSpan.FromDays(250 - 30 * n)), automated);
        return
        [
            C(0, SeedIds.ConnectorGitHub, "Website repository", "GITHUB",
                new OrgAutomatedProject("apGitHub0001", "Website sync", true, "en", ["de", "fr"], "/website/en")),
            C(1, SeedIds.ConnectorGitHubDocs, "Documentation repository", "GITHUB"),
            C(2, SeedIds.ConnectorSharePoint, "Legal SharePoint", "SHAREPOINT",
                new OrgAutomatedProject("apSharePt001", "Contracts", false, "en", ["de"], "/sites/legal/Shared Documents")),
            C(3, SeedIds.ConnectorS3, "Catalogue bucket", "AMAZON_S3"),
            C(4, SeedIds.ConnectorWordPress, "Company blog", "WORDPRESS"),
            C(5, SeedIds.ConnectorContentful, "Marketing CMS", "CONTENTFUL"),
        ];
    }
}

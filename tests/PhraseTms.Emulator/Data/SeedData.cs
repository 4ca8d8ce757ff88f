using static PhraseTms.Emulator.TaskCatalog;

namespace PhraseTms.Emulator;

/// <summary>Builds the deterministic data set: same seed and anchor, same data.</summary>
internal static class SeedData
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static readonly UserAccount DemoAccount =
        new("demoUser0001", "1001", "demo", "Demo", "User", "demo@example.com", "ADMIN", "Demo Organization");

    public static EmulatorData Create(EmulatorOptions options, DateTimeOffset now)
    {
        var projects = new List<EmulatorProject>
        {
            new(SeedIds.DemoProject, "Demo website", HasWorkflow: true),
            new(SeedIds.MobileProject, "Mobile app", HasWorkflow: false),
            new(SeedIds.EmptyProject, "Empty project", HasWorkflow: false),
            new(SeedIds.OnePageProject, "One full page", HasWorkflow: false),
            new(SeedIds.PartialProject, "Partial pages", HasWorkflow: false),
        };
        var seed = options.Seed;
        var tables = new List<TaskTable>
        {
            DemoTasks(projects[0], seed, now),
            MobileTasks(projects[1], seed, now),
            new TableBuilder(projects[2], seed, FileNames).Build(),
            WindowTasks(projects[3], seed, now, firstId: 300000001, count: 1000),
            WindowTasks(projects[4], seed, now, firstId: 400000001, count: 2345),
        };
        if (options.BenchItems > 0)
        {
            var bench = new EmulatorProject(SeedIds.BenchProject, "Benchmark project", HasWorkflow: false);
            projects.Add(bench);
            tables.Add(BenchData.Create(bench, seed, now, options.BenchItems));
        }
        foreach (var t in tables)
        {
            t.BuildLookup();
            t.Items.WarmUp();
        }

        var project = projects[0];
        var asyncRequests = new List<AsyncRequest>();
        var tms = BackgroundTaskSeeds.Create(isTermBase: false, now, project, options.AsyncPollsToFinish, asyncRequests);
        var tbs = BackgroundTaskSeeds.Create(isTermBase: true, now, project, options.AsyncPollsToFinish, asyncRequests);
        asyncRequests.AddRange(AsyncRequestSeeds.Create(now, project));
        return new EmulatorData(seed, now, projects, tables, Users(), tms, tbs, asyncRequests, OrganizationSeeds.Create(seed, now, projects));
    }

    private static IReadOnlyList<EmulatorUser> Users() =>
    [
        new("demo", "demo-password", null, [DemoAccount]),
        new("multiorg", "multiorg-password", null,
        [
            new("orgUserA1", "2001", "multiorg", "Morgan", "Multi", "multiorg@acme.example", "PROJECT_MANAGER", "Acme Translations"),
            new("orgUserB2", "2002", "multiorg", "Morgan", "Multi", "multiorg@beta.example", "ADMIN", "Beta Localization"),
        ]),
        new("mfa", "mfa-password", "123456",
            [new("mfaUser0001", "3001", "mfa", "Martha", "Factor", "mfa@example.com", "PROJECT_MANAGER", "Demo Organization")]),
    ];

    /// <summary>aBcD123: 13 well-known tasks (see <see cref="SeedIds"/>) plus random ones over the last 10 days, 3,000 in all,
    /// with a few more PAUSED statuses and SYNC task types.</summary>
    private static TaskTable DemoTasks(EmulatorProject project, int seed, DateTimeOffset now)
    {
        var b = new TableBuilder(project, seed, [.. FileNames, "downloads/installer.exe", "firmware/update.bin",
            "docs/broken.docx", "website/en/sitemap.xml", "marketing/Q&A \"FAQ\" 2026.html", "カタログ/製品一覧.xlsx", "tools/setup.exe"]);
        int F(string name) => Array.IndexOf(b.FileNames, name);
        var h = TimeSpan.FromHours(1);
        b.Known(100000001, Success, Download, Api, "de", F("website/en/index.html"), now - 2 * h, 40);
        b.Known(100000002, Success, Download, Gui, "de", F("downloads/installer.exe"), now - 3 * h, 55);
        b.Known(100000003, Success, Download, Api, "fr", F("firmware/update.bin"), now - 4 * h, 12);
        b.Known(100000004, Error, Download, Cj, "es", F("website/en/about.html"), now - 5 * h, 30, error: 0);
        b.Known(100000005, New, Download, Apc, "ja", F("website/en/pricing.html"), now - TimeSpan.FromMinutes(10), null);
        b.Known(100000006, Success, Upload, Api, "de", F("website/en/contact.html"), now - 6 * h, 20);
        b.Known(100000007, ConverterError, Download, Gui, "de", F("docs/broken.docx"), now - 7 * h, 8, error: (short)(ErrorMessages.Length + 1));
        b.Known(100000008, Paused, Download, Api, "fr", F("website/en/careers.html"), now - 8 * h, null);
        b.Known(100000009, Success, Sync, Api, "de", F("website/en/sitemap.xml"), now - 9 * h, 5);
        b.Known(100000010, Success, Download, SubmitterPortal, "de", F("marketing/Q&A \"FAQ\" 2026.html"), now - 10 * h, 61);
        b.Known(100000011, Success, Download, Api, "ja", F("カタログ/製品一覧.xlsx"), now - 11 * h, 33);
        b.Known(100000012, Success, Download, Api, "de", F("docs/user-guide.docx"), now - TimeSpan.FromDays(5), 90);
        b.Known(100000013, Success, Download, Api, "pt_br", F("tools/setup.exe"), now - TimeSpan.FromDays(2), 14);

        var rng = new SplitMix(seed, 0xA11CE);
        var newest = now - TimeSpan.FromSeconds(30);
        for (var id = 100000014; id <= 100003000; id++)
        {
            var k = id - 100000000;
            var row = b.Random(ref rng, id, newest, TimeSpan.FromDays(10), FileNames.Length);
            if (k % 700 == 100) row = row with { Status = Paused, Processed = TaskTable.NoDate, Error = TaskTable.NoError };
            if (k % 700 == 200) row = row with { TaskType = Sync };
            b.Add(row);
        }
        return b.Build();
    }

    /// <summary>pRoJ456: 250 tasks over the last 3 days; 200000001 is a DOWNLOAD SUCCESS task.</summary>
    private static TaskTable MobileTasks(EmulatorProject project, int seed, DateTimeOffset now)
    {
        var b = new TableBuilder(project, seed, FileNames);
        b.Known(200000001, Success, Download, Api, "de", Array.IndexOf(FileNames, "app/strings/en.json"), now - TimeSpan.FromHours(1), 25);
        var rng = new SplitMix(seed, 0xB0B);
        for (var id = 200000002; id <= 200000250; id++)
            b.Add(b.Random(ref rng, id, now - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3), FileNames.Length));
        return b.Build();
    }

    /// <summary>Tasks all created between now - 20 h and now - 1 min, well inside the default 24 h window.</summary>
    private static TaskTable WindowTasks(EmulatorProject project, int seed, DateTimeOffset now, long firstId, int count)
    {
        var b = new TableBuilder(project, seed, FileNames);
        var rng = new SplitMix(seed, (ulong)firstId);
        for (var id = firstId; id < firstId + count; id++)
            b.Add(b.Random(ref rng, id, now - TimeSpan.FromMinutes(1), TimeSpan.FromHours(20) - TimeSpan.FromMinutes(1), FileNames.Length));
        return b.Build();
    }

    internal readonly record struct Row(long Id, byte Status, byte TaskType, byte ProcessingType, byte Lang, ushort File,
        long Created, long Processed, short Error);

    private sealed class TableBuilder(EmulatorProject project, int seed, string[] fileNames)
    {
        private readonly List<Row> _rows = [];
        public string[] FileNames { get; } = fileNames;

        public void Add(Row row) => _rows.Add(row);

        public void Known(long id, byte status, byte taskType, byte processingType, string lang, int file,
            DateTimeOffset created, int? processedAfterSeconds, short error = TaskTable.NoError)
        {
            if (file < 0) throw new InvalidOperationException("unknown seeded file name");
            var c = EmulatorClock.TruncateToSecond(created).UtcTicks;
            _rows.Add(new Row(id, status, taskType, processingType, (byte)Array.IndexOf(Languages, lang), (ushort)file, c,
                processedAfterSeconds is { } s ? c + s * Second.Ticks : TaskTable.NoDate, error));
        }

        public Row Random(ref SplitMix rng, long id, DateTimeOffset newest, TimeSpan span, int fileCount)
        {
            var r = rng.Next(100);
            var status = r < 70 ? Success : r < 78 ? New : r < 90 ? Error : ConverterError;
            r = rng.Next(100);
            var type = r < 40 ? Download : r < 75 ? Upload : r < 90 ? Reimport : ReimportTarget;
            var newestTicks = EmulatorClock.TruncateToSecond(newest).UtcTicks;
            var created = newestTicks - rng.NextLong((long)span.TotalSeconds) * Second.Ticks;
            var processed = status == New ? TaskTable.NoDate : Math.Min(created + (2 + rng.Next(900)) * Second.Ticks, newestTicks);
            short error = status == Error ? (short)rng.Next(ErrorMessages.Length)
                : status == ConverterError ? (short)(ErrorMessages.Length + rng.Next(ConverterErrorMessages.Length))
                : TaskTable.NoError;
            return new Row(id, status, type, (byte)rng.Next(ProcessingTypes.Length), (byte)rng.Next(Languages.Length),
                (ushort)rng.Next(fileCount), created, processed, error);
        }

        public TaskTable Build()
        {
            var table = new TaskTable(project, seed, _rows.Count, FileNames);
            for (var i = 0; i < _rows.Count; i++)
            {
                var x = _rows[i];
                table.Set(i, x.Id, x.Status, x.TaskType, x.ProcessingType, x.Lang, x.File, x.Created, x.Processed, x.Error);
            }
            table.SortIntoApiOrder();
            return table;
        }
    }
}

namespace PhraseTms.Emulator;

/// <summary>Ids and uids that exist whatever the seed, for tests to rely on (see README.md).</summary>
public static class SeedIds
{
    public const string DemoProject = "aBcD123", MobileProject = "pRoJ456", EmptyProject = "emptyProj0",
        OnePageProject = "onePage0001", PartialProject = "partial0001", BenchProject = "benchProject01";

    // Project aBcD123 (all created within the last 24 h unless noted).
    public const string DownloadSuccessHtml = "100000001";     // DOWNLOAD SUCCESS API  website/en/index.html
    public const string DownloadSuccessExe = "100000002";      // DOWNLOAD SUCCESS GUI  downloads/installer.exe  (unsupported)
    public const string DownloadSuccessBin = "100000003";      // DOWNLOAD SUCCESS API  firmware/update.bin      (unsupported)
    public const string DownloadError = "100000004";           // DOWNLOAD ERROR
    public const string DownloadNew = "100000005";             // DOWNLOAD NEW
    public const string UploadSuccess = "100000006";           // UPLOAD SUCCESS
    public const string DownloadConverterError = "100000007";  // DOWNLOAD CONVERTER_ERROR
    public const string DownloadPaused = "100000008";          // DOWNLOAD PAUSED (status not in the docs)
    public const string SyncSuccess = "100000009";             // SYNC SUCCESS (taskType not in the docs)
    public const string DownloadSuccessQuotes = "100000010";   // DOWNLOAD SUCCESS, file name with quotes and ampersand
    public const string DownloadSuccessUnicode = "100000011";  // DOWNLOAD SUCCESS, Japanese file name
    public const string DownloadSuccessOld = "100000012";      // DOWNLOAD SUCCESS created 5 days ago (outside the default window)
    public const string DownloadSuccessExeOld = "100000013";   // DOWNLOAD SUCCESS tools/setup.exe created 2 days ago (unsupported)
    // Project pRoJ456.
    public const string OtherProjectDownloadSuccess = "200000001"; // DOWNLOAD SUCCESS in pRoJ456

    public const string AsyncFinishedOk = "9000001", AsyncFinishedError = "9000002", AsyncFinishedWithWarnings = "9000003",
        AsyncNeverFinishes = "9000004", AsyncUnknownAction = "9000005";

    public const string TmOk = "tmOk000001", TmError = "tmErr00002", TmRunning = "tmRun00003", TmNever = "tmNever004";
    public const string TbOk = "tbOk000001", TbError = "tbErr00002", TbRunning = "tbRun00003", TbNever = "tbNever004";

    // Core areas (README "Core areas"). Projects besides the five above:
    public const string BigProject = "bigProj0120";          // ASSIGNED, client Contoso Retail, 120 jobs (30 files x de/fr/es/it)
    public const string WorkflowProject = "wfProj00001";     // ASSIGNED, Translation + Revision: 6 jobs on each level
    public const string CompletedProject = "doneProj001";    // COMPLETED, jobs COMPLETED / DELIVERED
    public const string CancelledProject = "cancProj001";    // CANCELLED, jobs CANCELLED
    public const string VendorProject = "vendProj001";       // ACCEPTED_BY_VENDOR
    public const string ArchivedProject = "archProj001";     // COMPLETED, archived (listed only with includeArchived / archivedOnly)
    public const string OverdueProject = "overProj001";      // ASSIGNED, due 2 days ago

    public const string ClientAcme = "501", ClientGlobex = "502", ClientContoso = "503", ClientInitech = "504";

    public const string DemoUser = "demoUser0001", MfaUser = "mfaUser0001", DeletedUser = "usrDeleted01";

    public const string TemplateWebsite = "tmplWeb0001", TemplateLegal = "tmplLegal01", TemplateMobile = "tmplMobile1",
        TemplateMarketing = "tmplMarket1", TemplateJapanese = "tmplJapan01";

    public const string ConnectorGitHub = "cnGitHub0001", ConnectorGitHubDocs = "cnGitHub0002", ConnectorSharePoint = "cnSharePt001",
        ConnectorS3 = "cnAmazonS301", ConnectorWordPress = "cnWordPrs001", ConnectorContentful = "cnContfl0001";
}

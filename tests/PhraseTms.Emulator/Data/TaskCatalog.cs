namespace PhraseTms.Emulator;

/// <summary>The value tables connector tasks are built from. Tasks store indexes into these tables.</summary>
internal static class TaskCatalog
{
    // Statuses: the four documented ones plus PAUSED, which the docs do not list (clients must tolerate it).
    public const byte Success = 0, New = 1, Error = 2, ConverterError = 3, Paused = 4;
    public static readonly string[] Statuses = ["SUCCESS", "NEW", "ERROR", "CONVERTER_ERROR", "PAUSED"];

    // Task types: the four documented ones plus SYNC (undocumented). Only documented values are accepted as filters.
    public const byte Download = 0, Upload = 1, Reimport = 2, ReimportTarget = 3, Sync = 4;
    public static readonly string[] TaskTypes = ["DOWNLOAD", "UPLOAD", "REIMPORT", "REIMPORT_TARGET", "SYNC"];
    public const int DocumentedTaskTypes = 4;

    public const byte Apc = 0, Api = 1, Cj = 2, Gui = 3, SubmitterPortal = 4;
    public static readonly string[] ProcessingTypes = ["APC", "API", "CJ", "GUI", "SUBMITTER_PORTAL"];

    public static readonly string[] Languages = ["de", "fr", "es", "ja", "pt_br", "it", "zh_cn", "ko", "nl", "pl", "sv"];

    public static readonly string[] ErrorMessages =
    [
        "Connector error: the remote file was not found (404)",
        "Connector error: access denied by the remote repository",
        "Connection to the remote server timed out after 60 seconds",
        "Target file could not be uploaded: the remote branch is protected",
    ];

    public static readonly string[] ConverterErrorMessages =
    [
        "Unable to convert the file: unsupported encoding",
        "The file is corrupted or is not a valid DOCX document",
        "XML parsing failed at line 42, column 7: unexpected end of element",
    ];

    /// <summary>ErrorMessages followed by ConverterErrorMessages: what a task's error index points into.</summary>
    public static readonly string[] AllErrorMessages = [.. ErrorMessages, .. ConverterErrorMessages];

    public static bool IsErrorStatus(byte status) => status is Error or ConverterError;

    /// <summary>Realistic file names for generated tasks (none ends in .exe or .bin: those are seeded explicitly).</summary>
    public static readonly string[] FileNames =
    [
        "website/en/index.html", "website/en/about.html", "website/en/pricing.html", "website/en/blog/2026-release.html",
        "website/en/contact.html", "website/en/careers.html", "docs/user-guide.docx", "docs/admin-guide.docx",
        "docs/api-reference.md", "docs/release-notes v2.3.txt", "marketing/brochure_2026.idml", "marketing/newsletter-march.html",
        "marketing/product descriptions.xlsx", "app/strings/en.json", "app/ios/Localizable.strings", "app/android/strings.xml",
        "legal/terms-of-service.pdf", "legal/privacy-policy.docx", "help/faq.md", "help/getting-started.md",
        "support/kb/reset-password.html", "support/kb/billing.html", "training/onboarding.pptx", "training/course-01.xliff",
        "catalog/spring-collection.csv", "catalog/products.json", "ui/messages.properties", "ui/labels.po",
    ];
}

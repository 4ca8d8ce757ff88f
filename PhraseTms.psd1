@{
    RootModule           = 'PhraseTms.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = 'e92fb00e-7b71-4472-9eff-f534d9bfade4'
    Author               = 'PhraseTms contributors'
    CompanyName          = 'PhraseTms contributors'
    Copyright            = '(c) PhraseTms contributors. MIT License.'
    Description          = 'Drive the Phrase TMS (formerly Memsource) REST API from PowerShell: typed objects, automatic paging, asynchronous waits.'
    # PowerShell 7.4+ (Core) or Windows PowerShell 5.1 (Desktop); PhraseTms.psm1 refuses Core below 7.4.
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('PhraseTms.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-PhraseTms'
        'Disconnect-PhraseTms'
        'Get-PhraseTmsSession'
        'Get-ConnectorAsyncTask'
        'New-JobFromConnectorTask'
        'Get-PhraseTmsAsyncRequest'
        'Wait-PhraseTmsAsyncRequest'
        'Get-TmLastBackgroundTask'
        'Get-TbLastBackgroundTask'
        'Invoke-PhraseTmsRequest'
        'Save-PhraseTmsJobTargetFile'
    )
    # Every file of the package, relative to the module folder (Test-ModuleManifest checks they exist; a test checks
    # the list equals out/PhraseTms). The cmdlet help is found by name next to the binary module that defines the
    # cmdlets: en-US/PhraseTms.dll-Help.xml (PowerShell 7.4+) and desktop/en-US/PhraseTms.dll-Help.xml (Windows
    # PowerShell 5.1); about_*.help.txt in the module folder.
    FileList             = @(
        'PhraseTms.psd1'
        'PhraseTms.psm1'
        'PhraseTms.dll'
        'PhraseTms.Client.dll'
        'RestSharp.dll'
        'Newtonsoft.Json.dll'
        'PhraseTms.format.ps1xml'
        'en-US/PhraseTms.dll-Help.xml'
        'en-US/about_PhraseTms.help.txt'
        'desktop/PhraseTms.dll'
        'desktop/PhraseTms.Client.dll'
        'desktop/en-US/PhraseTms.dll-Help.xml'
        'desktop/Dependencies/Microsoft.Bcl.AsyncInterfaces.dll'
        'desktop/Dependencies/Microsoft.Bcl.TimeProvider.dll'
        'desktop/Dependencies/Newtonsoft.Json.dll'
        'desktop/Dependencies/RestSharp.dll'
        'desktop/Dependencies/System.Buffers.dll'
        'desktop/Dependencies/System.IO.Pipelines.dll'
        'desktop/Dependencies/System.Memory.dll'
        'desktop/Dependencies/System.Numerics.Vectors.dll'
        'desktop/Dependencies/System.Runtime.CompilerServices.Unsafe.dll'
        'desktop/Dependencies/System.Text.Encodings.Web.dll'
        'desktop/Dependencies/System.Text.Json.dll'
        'desktop/Dependencies/System.Threading.Tasks.Extensions.dll'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Phrase', 'PhraseTMS', 'Memsource', 'Localization', 'Translation', 'L10n', 'API')
            ProjectUri   = 'https://github.com/phrasetms/PhraseTms'
            LicenseUri   = 'https://github.com/phrasetms/PhraseTms/blob/main/LICENSE'
            # '<ModuleVersion>: summary. Full notes: CHANGELOG.md' (a test checks the version and the CHANGELOG agree).
            ReleaseNotes = '0.1.0: connect (login, token, environment), Get-ConnectorAsyncTask with automatic paging, Invoke-PhraseTmsRequest for any endpoint, help, format views and tab completion. Full notes: CHANGELOG.md'
        }
    }
}

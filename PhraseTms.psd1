@{
    RootModule           = 'PhraseTms.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'e92fb00e-7b71-4472-9eff-f534d9bfade4'
    Author               = 'PhraseTms contributors'
    CompanyName          = 'PhraseTms contributors'
    Copyright            = '(c) PhraseTms contributors. MIT License.'
    Description          = 'Drive the Phrase TMS (formerly Memsource) REST API from PowerShell: typed objects, automatic paging, asynchronous waits.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
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
    )
    # Every file of the package, relative to the module folder (Test-ModuleManifest checks they exist; a test checks
    # the list equals out/PhraseTms). The help is found by name: en-US/<RootModule>-Help.xml and about_*.help.txt.
    FileList             = @(
        'PhraseTms.psd1'
        'PhraseTms.dll'
        'PhraseTms.Client.dll'
        'RestSharp.dll'
        'Newtonsoft.Json.dll'
        'PhraseTms.format.ps1xml'
        'en-US/PhraseTms.dll-Help.xml'
        'en-US/about_PhraseTms.help.txt'
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

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
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Phrase', 'PhraseTMS', 'Memsource', 'Localization', 'Translation', 'L10n', 'API')
            ProjectUri   = 'https://github.com/phrasetms/PhraseTms'
            LicenseUri   = 'https://github.com/phrasetms/PhraseTms/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md: connect (login, token, environment), Get-ConnectorAsyncTask with automatic paging.'
        }
    }
}

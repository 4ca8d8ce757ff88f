#Requires -Version 7.4
<#
.SYNOPSIS
    A short tour of the PhraseTms module. Runs against your Phrase TMS account when PHRASETMS_TOKEN (or
    PHRASETMS_USERNAME and PHRASETMS_PASSWORD) and PHRASETMS_PROJECT_UID are set, else against the local emulator.
.DESCRIPTION
    The tour is a list of sections (a title and a script block) run in order; a new cmdlet adds its own short section
    to $tour below. Nothing in the tour changes data: writes are shown with -WhatIf.
#>
[CmdletBinding()]
param([string] $Configuration = 'Debug')
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1') -Force
. (Join-Path $PSScriptRoot 'Emulator.ps1')

function Show-Section([string] $Title, [scriptblock] $Body) {
    Write-Host "`n# $Title" -ForegroundColor Cyan
    Write-Host ($Body.ToString().Trim() -replace '(?m)^ {8}', '') -ForegroundColor DarkGray
    & $Body | Out-Host
}

$tour = [ordered]@{
    'Get-PhraseTmsSession: who and where (never the token)' = {
        Get-PhraseTmsSession | Format-List
    }
    'Get-ConnectorAsyncTask: the default table view' = {
        Get-ConnectorAsyncTask -ProjectUid $projectUid -First 5
    }
    'Failed DOWNLOAD tasks of the last 7 days (every page, streamed)' = {
        Get-ConnectorAsyncTask -ProjectUid $projectUid -TaskType DOWNLOAD -DateCreatedFrom (Get-Date).AddDays(-7) |
            Where-Object Status -eq 'ERROR' |
            Select-Object Id, JobFileName, TargetLang, ErrorMessage -First 10 |
            Format-Table -AutoSize
    }
    'Tasks of the last 24 hours by status' = {
        Get-ConnectorAsyncTask -ProjectUid $projectUid | Group-Object StatusText -NoElement | Sort-Object Count -Descending | Format-Table -AutoSize
    }
    'How many tasks, without reading them (-IncludeTotalCount -First 0)' = {
        Get-ConnectorAsyncTask -ProjectUid $projectUid -IncludeTotalCount -First 0 | ForEach-Object ToString
    }
    'Invoke-PhraseTmsRequest: any endpoint through the same session' = {
        (Invoke-PhraseTmsRequest GET /api2/v1/auth/whoAmI).user | Select-Object userName, role
    }
    'Invoke-PhraseTmsRequest -All: every page of a list endpoint, as objects' = {
        Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = $projectUid } -All -PageSize 1000 -First 3 |
            Select-Object id, status, taskType, jobFileName | Format-Table -AutoSize
    }
    'Invoke-PhraseTmsRequest -WhatIf: a write is only shown' = {
        Invoke-PhraseTmsRequest DELETE "/api2/v1/projects/$projectUid" -WhatIf
    }
    'New-JobFromConnectorTask -WhatIf: which jobs would be created' = {
        Get-ConnectorAsyncTask -ProjectUid $projectUid -TaskType DOWNLOAD | Where-Object Status -eq 'SUCCESS' |
            Select-Object -First 2 | New-JobFromConnectorTask -TargetLang de, fr -WhatIf
    }
    'Get-PhraseTmsAsyncRequest: the state of asynchronous work' = {
        if ($emulator) { Get-PhraseTmsAsyncRequest -Id 9000001, 9000003 }
        else { Write-Host '(needs an async request id of your account: Get-PhraseTmsAsyncRequest -Id <id>)' }
    }
    'Wait-PhraseTmsAsyncRequest: wait, with progress, until it has finished' = {
        if ($emulator) { Wait-PhraseTmsAsyncRequest -Id 9000001 -TimeoutSec 30 }
        else { Write-Host '(needs an async request id of your account: Wait-PhraseTmsAsyncRequest -Id <id> -TimeoutSec 300)' }
    }
    'Get-TmLastBackgroundTask / Get-TbLastBackgroundTask: the last import of a TM and a term base' = {
        if ($emulator) {
            'tmOk000001', 'tmErr00002' | Get-TmLastBackgroundTask
            Get-TbLastBackgroundTask -TermBaseUid tbOk000001
        }
        else { Write-Host '(needs TM / term base UIDs of your account: Get-TmLastBackgroundTask -TransMemoryUid <uid>)' }
    }
    'Get-Help: every cmdlet has help, examples and an about topic' = {
        Get-Command -Module PhraseTms -CommandType Cmdlet | Sort-Object Name -Unique | ForEach-Object { Get-Help $_.Name } | Select-Object Name, Synopsis | Format-Table -Wrap
    }
    # A new cmdlet: add a short section here (read-only, or with -WhatIf).
}

$useAccount = ($env:PHRASETMS_TOKEN -or ($env:PHRASETMS_USERNAME -and $env:PHRASETMS_PASSWORD)) -and $env:PHRASETMS_PROJECT_UID
$emulator = $null
try {
    if ($useAccount) {
        Write-Host 'Phrase TMS account configured: connecting with the PHRASETMS_* environment variables.' -ForegroundColor Yellow
        Connect-PhraseTms
        $projectUid = $env:PHRASETMS_PROJECT_UID
    }
    else {
        Write-Host 'No Phrase TMS account configured: starting the local emulator.' -ForegroundColor Yellow
        $emulator = Start-PhraseTmsEmulator -Configuration $Configuration
        Write-Host "Emulator at $($emulator.BaseUri)"
        $credential = [pscredential]::new($emulator.UserName, (ConvertTo-SecureString $emulator.Password -AsPlainText -Force))
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential
        $projectUid = $emulator.ProjectUid
    }

    foreach ($section in $tour.GetEnumerator()) { Show-Section $section.Key $section.Value }
}
finally {
    Write-Host "`n# Disconnect-PhraseTms" -ForegroundColor Cyan
    Disconnect-PhraseTms
    if ($emulator) { Stop-PhraseTmsEmulator $emulator; Write-Host 'Emulator stopped.' }
}

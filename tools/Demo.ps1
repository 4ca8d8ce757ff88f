#Requires -Version 7.4
<#
.SYNOPSIS
    A short tour of the PhraseTms module. Runs against your Phrase TMS account when PHRASETMS_TOKEN (or
    PHRASETMS_USERNAME and PHRASETMS_PASSWORD) and PHRASETMS_PROJECT_UID are set, else against the local emulator.
#>
[CmdletBinding()]
param([string] $Configuration = 'Debug')
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1') -Force
. (Join-Path $PSScriptRoot 'Emulator.ps1')

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

    Write-Host "`n# Get-PhraseTmsSession" -ForegroundColor Cyan
    Get-PhraseTmsSession | Format-List

    Write-Host "`n# Failed DOWNLOAD tasks of the last 7 days (every page, streamed)" -ForegroundColor Cyan
    Get-ConnectorAsyncTask -ProjectUid $projectUid -TaskType DOWNLOAD -DateCreatedFrom (Get-Date).AddDays(-7) |
        Where-Object Status -eq 'ERROR' |
        Select-Object Id, JobFileName, TargetLang, ErrorMessage -First 10 |
        Format-Table -AutoSize

    Write-Host "`n# Tasks of the last 24 hours by status" -ForegroundColor Cyan
    Get-ConnectorAsyncTask -ProjectUid $projectUid | Group-Object StatusText -NoElement | Sort-Object Count -Descending | Format-Table -AutoSize

    Write-Host "`n# The first 5 of them, with the total (-First / -IncludeTotalCount)" -ForegroundColor Cyan
    $firstFive = Get-ConnectorAsyncTask -ProjectUid $projectUid -First 5 -IncludeTotalCount
    Write-Host $firstFive[0]
    $firstFive | Select-Object -Skip 1 | Format-Table -AutoSize
}
finally {
    Disconnect-PhraseTms
    if ($emulator) { Stop-PhraseTmsEmulator $emulator; Write-Host 'Emulator stopped.' }
}

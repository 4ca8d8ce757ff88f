<#
.SYNOPSIS
    Unattended report of failed connector tasks, for a scheduler (Task Scheduler, cron, a CI job).
.DESCRIPTION
    Connects with a token from a SecretManagement vault (-SecretName) or from PHRASETMS_* environment variables, lists
    the project's connector tasks created in the last -Hours, writes the failed ones (ERROR, CONVERTER_ERROR) to -OutFile
    as CSV (or to the output as a table), and ends with an exit code a scheduler can act on:

        0  report made, no failed task
        1  no report: an error (not connected, bad token, unknown project, API or network failure, bad input);
           one line "Scheduled-ConnectorReport failed: <ErrorId>: <message>" is written to stderr
        2  report made, failed tasks found

    Where to connect: PHRASETMS_BASE_URI, else PHRASETMS_DATACENTER (EU or US), else EU. The token never appears on
    the command line, in the output or in the log.
.PARAMETER ProjectUid
    The project to report on (default: PHRASETMS_PROJECT_UID).
.PARAMETER Hours
    How far back to look (default 24).
.PARAMETER OutFile
    Where to write the failed tasks as CSV; without it they are written to the output.
.PARAMETER SecretName
    The name of a SecretManagement secret holding the API token; without it PHRASETMS_TOKEN, else
    PHRASETMS_PLATFORM_TOKEN (a Phrase Platform API token, exchanged and renewed by the module), else
    PHRASETMS_USERNAME and PHRASETMS_PASSWORD are used.
.PARAMETER ModulePath
    The module to import (default: PhraseTms from PSModulePath).
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123 -OutFile failed.csv
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123 -SecretName PhraseTms
.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -ExecutionPolicy RemoteSigned -File .\Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123
    The same in Windows PowerShell 5.1, e.g. as the action of a Windows Task Scheduler task.
.EXAMPLE
    $ps = & ./Get-ChildPowerShell.ps1
    & $ps.FilePath @($ps.ArgumentList) -NoProfile -NonInteractive -File ./Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123
    Starts it in a new process of the PowerShell you run, whatever its install (pwsh, pwsh.exe, powershell.exe, or
    the .NET tool, where $PID's process is dotnet); $ps.CommandLine is the executable for a scheduler's action.
#>

#Requires -Version 5.1
# Runs in PowerShell 7.4+ and in Windows PowerShell 5.1 (where many scheduled tasks still run).

[CmdletBinding()]
param(
    [string] $ProjectUid = $env:PHRASETMS_PROJECT_UID,
    [int] $Hours = 24,
    [string] $OutFile,
    [string] $SecretName,
    [string] $ModulePath = 'PhraseTms'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$exitCode = 1
try {
    if (-not $ProjectUid) { throw 'No project: pass -ProjectUid or set PHRASETMS_PROJECT_UID.' }
    if ($Hours -lt 1) { throw "-Hours must be at least 1, not $Hours." }
    Import-Module $ModulePath -ErrorAction Stop

    if ($SecretName) {
        if (-not (Get-Command Get-Secret -ErrorAction SilentlyContinue)) {
            throw 'Get-Secret is not available: Install-Module Microsoft.PowerShell.SecretManagement (and register a vault).'
        }
        $where = @{}
        $baseUri = [Environment]::GetEnvironmentVariable('PHRASETMS_BASE_URI')
        $dataCenter = [Environment]::GetEnvironmentVariable('PHRASETMS_DATACENTER')
        if ($baseUri) { $where.BaseUri = $baseUri }
        elseif ($dataCenter) { $where.DataCenter = $dataCenter }
        Connect-PhraseTms -Token (Get-Secret -Name $SecretName -ErrorAction Stop) @where -ErrorAction Stop
    }
    else {
        Connect-PhraseTms -ErrorAction Stop   # PHRASETMS_TOKEN, PHRASETMS_PLATFORM_TOKEN or PHRASETMS_USERNAME/PASSWORD, and where
    }

    $since = (Get-Date).AddHours(-$Hours)
    $tasks = @(Get-ConnectorAsyncTask -ProjectUid $ProjectUid -DateCreatedFrom $since -ErrorAction Stop)
    $failed = @($tasks | Where-Object StatusText -In 'ERROR', 'CONVERTER_ERROR')
    $report = $failed | Select-Object Id, DateCreated, StatusText, TaskTypeText, JobFileName, TargetLang, ErrorMessage
    if ($OutFile) { $report | Export-Csv -LiteralPath $OutFile -NoTypeInformation -Encoding utf8 }
    elseif ($failed.Count -gt 0) { $report | Format-Table -AutoSize | Out-String -Width 240 }
    "$($tasks.Count) connector task(s) in project $ProjectUid since $($since.ToString('u')); $($failed.Count) failed."
    $exitCode = if ($failed.Count -gt 0) { 2 } else { 0 }
}
catch {
    # One line a scheduler's log shows: the stable error id and the message (never a secret).
    [Console]::Error.WriteLine("Scheduled-ConnectorReport failed: $($_.FullyQualifiedErrorId): $($_.Exception.Message)")
    $exitCode = 1
}
finally {
    if (Get-Command Disconnect-PhraseTms -ErrorAction SilentlyContinue) { Disconnect-PhraseTms }
}
exit $exitCode

<#
.SYNOPSIS
    Unattended audit for a scheduler: users with their role and last login, and projects with overdue jobs, as CSV.
.DESCRIPTION
    Writes two CSV files into -OutFolder (UTF-8):

        users.csv         every user: UserName, FirstName, LastName, Email, Role, Active, LastLogin (empty: never)
        overdue-jobs.csv  every unfinished job past its due date, in projects with overdue jobs: ProjectUid,
                          ProjectName, JobUid, Filename, TargetLang, Status, DateDue, DaysOverdue

    A job is overdue when its due date has passed and it is not COMPLETED, DELIVERED or CANCELLED; the projects
    looked at are those whose progress counts overdue jobs. The run ends with an exit code a scheduler can act on
    (the convention of Scheduled-ConnectorReport.ps1):

        0  audit written, no overdue job
        1  no audit: an error (not connected, bad token, API or network failure, bad input); one line
           "Export-PhraseTmsAudit failed: <ErrorId>: <message>" is written to stderr
        2  audit written, overdue jobs found

    Connects with a token from a SecretManagement vault (-SecretName) or from the PHRASETMS_* environment variables
    (see Connect-PhraseTms); the token never appears on the command line, in the output or in the log. The CSV files
    are written under a temporary name and moved once complete. -Verbose tells each step.
.PARAMETER OutFolder
    Where to write users.csv and overdue-jobs.csv (created when missing).
.PARAMETER SecretName
    The name of a SecretManagement secret holding the API token; without it PHRASETMS_TOKEN, else
    PHRASETMS_PLATFORM_TOKEN, else PHRASETMS_USERNAME and PHRASETMS_PASSWORD are used.
.PARAMETER ModulePath
    The module to import (default: PhraseTms from PSModulePath).
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Export-PhraseTmsAudit.ps1 -OutFolder /var/reports/phrase
.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -File .\Export-PhraseTmsAudit.ps1 -OutFolder D:\Reports -SecretName PhraseTms
    The same in Windows PowerShell 5.1, e.g. as the action of a Windows Task Scheduler task.
.EXAMPLE
    $ps = & ./Get-ChildPowerShell.ps1
    & $ps.FilePath @($ps.ArgumentList) -NoProfile -NonInteractive -File ./Export-PhraseTmsAudit.ps1 -OutFolder ./audit; $LASTEXITCODE
#>

#Requires -Version 5.1
# Runs in PowerShell 7.4+ and in Windows PowerShell 5.1 (where many scheduled tasks still run).

[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $OutFolder,
    [string] $SecretName,
    [string] $ModulePath = 'PhraseTms'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$exitCode = 1

function Export-CsvFile($Rows, [string] $Path) {
    # Complete or not there: a reader never sees half a file.
    $temporary = "$Path.tmp"
    @($Rows) | Export-Csv -LiteralPath $temporary -NoTypeInformation -Encoding UTF8
    if (-not (Test-Path -LiteralPath $temporary)) { Set-Content -LiteralPath $temporary -Value $null }   # no row: an empty file
    Move-Item -LiteralPath $temporary -Destination $Path -Force
}

try {
    Import-Module $ModulePath
    if ($SecretName) {
        if (-not (Get-Command Get-Secret -ErrorAction SilentlyContinue)) {
            throw 'Get-Secret is not available: Install-Module Microsoft.PowerShell.SecretManagement (and register a vault).'
        }
        $where = @{}
        if ($env:PHRASETMS_BASE_URI) { $where.BaseUri = $env:PHRASETMS_BASE_URI }
        elseif ($env:PHRASETMS_DATACENTER) { $where.DataCenter = $env:PHRASETMS_DATACENTER }
        Connect-PhraseTms -Token (Get-Secret -Name $SecretName) @where
    }
    else {
        Connect-PhraseTms   # PHRASETMS_TOKEN, PHRASETMS_PLATFORM_TOKEN or PHRASETMS_USERNAME/PASSWORD, and where
    }
    $null = New-Item -ItemType Directory -Path $OutFolder -Force
    $now = [DateTimeOffset]::UtcNow

    Write-Verbose 'Reading users and their last logins'
    $lastLogin = @{}
    Get-PhraseTmsUserLastLogin | ForEach-Object { $lastLogin[$_.User.Uid] = $_.LastLoginDate }
    $users = Get-PhraseTmsUser | Select-Object UserName, FirstName, LastName, Email,
        @{ n = 'Role'; e = { $_.RoleText } }, Active, @{ n = 'LastLogin'; e = { $d = $lastLogin[$_.Uid]; if ($d) { $d.ToString('u') } } }
    Export-CsvFile $users (Join-Path $OutFolder 'users.csv')

    Write-Verbose 'Reading projects with overdue jobs'
    $overdue = Get-PhraseTmsProject | Where-Object { $_.Progress -and $_.Progress.OverdueCount -gt 0 } | ForEach-Object {
        $project = $_
        Get-PhraseTmsJob -ProjectUid $project.Uid -DueInHours -1 |
            Where-Object { $_.StatusText -notin 'COMPLETED', 'DELIVERED', 'CANCELLED' -and $_.DateDue -and $_.DateDue -lt $now } |
            Select-Object @{ n = 'ProjectUid'; e = { $project.Uid } }, @{ n = 'ProjectName'; e = { $project.Name } },
                @{ n = 'JobUid'; e = { $_.Uid } }, Filename, TargetLang, @{ n = 'Status'; e = { $_.StatusText } },
                @{ n = 'DateDue'; e = { $_.DateDue.ToString('u') } }, @{ n = 'DaysOverdue'; e = { [int] [Math]::Floor(($now - $_.DateDue).TotalDays) } }
    }
    $overdue = @($overdue)
    Export-CsvFile $overdue (Join-Path $OutFolder 'overdue-jobs.csv')

    $projectCount = @($overdue | ForEach-Object ProjectUid | Select-Object -Unique).Count
    "$(@($users).Count) user(s); $($overdue.Count) overdue job(s) in $projectCount project(s). Written to $OutFolder."
    $exitCode = if ($overdue.Count -gt 0) { 2 } else { 0 }
}
catch {
    # One line a scheduler's log shows: the stable error id and the message (never a secret).
    [Console]::Error.WriteLine("Export-PhraseTmsAudit failed: $($_.FullyQualifiedErrorId): $($_.Exception.Message)")
    $exitCode = 1
}
finally {
    if (Get-Command Disconnect-PhraseTms -ErrorAction SilentlyContinue) { Disconnect-PhraseTms }
}
exit $exitCode

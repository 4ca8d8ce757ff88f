<#
.SYNOPSIS
    Downloads the target files of every completed job into a folder tree that mirrors the job paths.
.DESCRIPTION
    For each project (-ProjectUid, or with -DueThisWeek every project due by the end of this week, overdue ones
    included), every job of the last workflow step (e.g. Revision after Translation) in status COMPLETED is delivered to

        <OutFolder>/<target language>/<job path>/<file name>                  (-ProjectUid)
        <OutFolder>/<project uid>/<target language>/<job path>/<file name>    (-DueThisWeek, or several projects)

    Phrase TMS prepares a target file asynchronously: Save-PhraseTmsJobTargetFile asks for it, waits for it through the
    module's waiter and downloads it once (for -BatchSize jobs at once, so Phrase TMS prepares them side by side); a
    download that breaks is asked for again, since Phrase serves each prepared file once. A file is written under a temporary
    name and moved to its final name only once complete, so a stopped run (Ctrl+C, a killed task) never leaves a
    half-written file under a final name.

    What "unchanged" means: a job list tells no date of last change, so the script keeps a manifest in -OutFolder,
    named .phrasetms-delivery.json, with one entry per delivered job: its uid, the file's relative path,
    length and SHA-256. A later run skips a job whose entry is there and whose file is still on disk with that length
    and hash; it delivers again a job that is new, whose file was deleted or edited on disk, or whose path changed.
    A job reopened and completed again in Phrase TMS is not seen as changed: deliver it again with -Force. The manifest
    is rewritten (temporary file, then moved) after every file, so it never names a file that was not written.

    It writes one object per job (PhraseTms.Recipe.DeliveredFile): Action Downloaded or Skipped, the path, the job.
    With -WhatIf nothing is requested nor downloaded (it says which files it would write); -Verbose tells each step.
    Connects from the PHRASETMS_* environment variables when no session is open (see Connect-PhraseTms). A job path
    that would leave -OutFolder (.. or a rooted path) is refused with an error for that job. For a scheduler: run it
    with pwsh -File; it exits 1 on an error (a thrown error), 0 otherwise.
.PARAMETER ProjectUid
    The projects to deliver (binds by property name: Get-PhraseTmsProject | ./Deliver-Project.ps1 -OutFolder x).
.PARAMETER DueThisWeek
    Instead of -ProjectUid: every project due from now to the end of this week (Monday 00:00, local time), and the
    overdue ones.
.PARAMETER OutFolder
    The root of the delivered tree (created when missing).
.PARAMETER Force
    Download every completed job again, whatever the manifest says.
.PARAMETER BatchSize
    How many target files are prepared and downloaded at once (default 4, at most 16).
.PARAMETER TimeoutSec
    How long the preparation of one target file may take; default: no limit.
.PARAMETER ModulePath
    The module to import when PhraseTms is not loaded yet (default: PhraseTms from PSModulePath).
.EXAMPLE
    ./Deliver-Project.ps1 -ProjectUid pr0Ject7 -OutFolder ./delivery | Group-Object Action -NoElement
.EXAMPLE
    ./Deliver-Project.ps1 -DueThisWeek -OutFolder \\fileserver\delivery -Verbose
.EXAMPLE
    Get-PhraseTmsProject -Name 'Website' | ./Deliver-Project.ps1 -OutFolder ./delivery -WhatIf
#>

#Requires -Version 5.1

[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Project')]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory, ParameterSetName = 'Project', ValueFromPipelineByPropertyName)] [Alias('Uid')] [string[]] $ProjectUid,
    [Parameter(Mandatory, ParameterSetName = 'DueThisWeek')] [switch] $DueThisWeek,
    [Parameter(Mandatory)] [string] $OutFolder,
    [switch] $Force,
    [ValidateRange(1, 16)] [int] $BatchSize = 4,
    [int] $TimeoutSec,
    [string] $ModulePath = 'PhraseTms'
)
begin {
    # A refused job is reported and the others go on, as the caller's -ErrorAction says; anything else stops the script.
    $jobErrorAction = if ($PSBoundParameters.ContainsKey('ErrorAction')) { $PSBoundParameters['ErrorAction'] } else { 'Continue' }
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    if (-not (Get-Module PhraseTms)) { Import-Module $ModulePath }
    if (-not (Get-PhraseTmsSession)) { Connect-PhraseTms }   # PHRASETMS_* environment variables

    $root = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutFolder).TrimEnd('/', '\')
    $null = New-Item -ItemType Directory -Path $root -Force   # -WhatIf: says so, creates nothing
    $manifestPath = Join-Path $root '.phrasetms-delivery.json'
    $manifest = @{}
    if (Test-Path -LiteralPath $manifestPath) {
        # Not @(… | ConvertFrom-Json): Windows PowerShell 5.1 writes a JSON array as one object, which foreach enumerates.
        $entries = Get-Content -LiteralPath $manifestPath -Raw -Encoding UTF8 | ConvertFrom-Json
        foreach ($entry in $entries) { $manifest[$entry.JobUid] = $entry }
    }
    $wait = @{}
    if ($TimeoutSec) { $wait.TimeoutSec = $TimeoutSec }
    $projects = [System.Collections.Generic.List[string]]::new()

    function Save-Manifest {
        $temporary = "$manifestPath.tmp"
        ConvertTo-Json -InputObject @($manifest.Values | Sort-Object Path) | Set-Content -LiteralPath $temporary -Encoding UTF8 -WhatIf:$false
        Move-Item -LiteralPath $temporary -Destination $manifestPath -Force -WhatIf:$false
    }
    function Test-Delivered($Job, [string] $RelativePath) {
        $entry = $manifest[$Job.Uid]
        $file = Join-Path $root $RelativePath
        if ($Force -or -not $entry -or $entry.Path -ne $RelativePath -or -not (Test-Path -LiteralPath $file -PathType Leaf)) { return $false }
        (Get-Item -LiteralPath $file).Length -eq $entry.Length -and (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash -eq $entry.Sha256
    }
}
process {
    if ($ProjectUid) { $projects.AddRange([string[]] $ProjectUid) }
}
end {
    if ($DueThisWeek) {
        $now = Get-Date
        $endOfWeek = $now.Date.AddDays(7 - (([int] $now.DayOfWeek + 6) % 7))   # next Monday 00:00
        $hours = [int] [Math]::Ceiling(($endOfWeek - $now).TotalHours)
        Write-Verbose "Projects due within $hours hour(s) (by $($endOfWeek.ToString('u'))), overdue ones included"
        $projects.AddRange([string[]] @(Get-PhraseTmsProject -DueInHours $hours | ForEach-Object Uid))
    }
    $byProject = $DueThisWeek -or $projects.Count -gt 1

    # Plan: which completed jobs need a download (the others are skipped, or refused when their path leaves the folder).
    $todo = foreach ($project in $projects | Select-Object -Unique) {
        # The last workflow step's jobs: a translation completed while its revision is still open is not delivered.
        $level = (@((Get-PhraseTmsProject -ProjectUid $project).WorkflowSteps | ForEach-Object WorkflowLevel) + 1 | Measure-Object -Maximum).Maximum
        Write-Verbose "Project ${project}: listing its completed jobs of workflow level $level"
        foreach ($job in Get-PhraseTmsJob -ProjectUid $project -WorkflowLevel $level -Status COMPLETED) {
            $folder = if ($job.OriginalFileDirectory) { $job.OriginalFileDirectory.Trim('/', '\') } else { '' }
            $relative = (@($(if ($byProject) { $project }), $job.TargetLang, $folder, $job.Filename) | Where-Object { $_ }) -join '/'
            $target = [System.IO.Path]::GetFullPath((Join-Path $root $relative))
            if (-not $target.StartsWith($root + [System.IO.Path]::DirectorySeparatorChar, [StringComparison]::Ordinal)) {
                Write-Error -Message "Job $($job.Uid): its path '$relative' leaves $root; not delivered." -Category InvalidData `
                    -ErrorId 'JobPathOutsideFolder' -TargetObject $job -ErrorAction $jobErrorAction
                continue
            }
            $result = [pscustomobject]@{ PSTypeName = 'PhraseTms.Recipe.DeliveredFile'; Action = 'Skipped'; Path = $relative; TargetLang = $job.TargetLang; JobUid = $job.Uid; ProjectUid = $project }
            if (Test-Delivered $job $relative) {
                Write-Verbose "Unchanged since the last delivery: $relative"
                [pscustomobject]@{ Result = $result; Target = $null; Request = $null }
            }
            elseif ($PSCmdlet.ShouldProcess($target, "Download the target file of job $($job.Uid)")) {
                [pscustomobject]@{ Result = $result; Target = $target; Request = $null }
            }
        }
    }
    $todo = @($todo)
    $todo | Where-Object { -not $_.Target } | ForEach-Object Result
    $downloads = @($todo | Where-Object Target)

    # Save-PhraseTmsJobTargetFile asks Phrase TMS for each target file, waits for it (the module's waiter) and downloads
    # it once, -BatchSize jobs at once and in order; a one-shot download that breaks is requested again by the cmdlet.
    $byTarget = @{}
    foreach ($d in $downloads) {
        $byTarget[$d.Target] = $d
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $d.Target) -Force
    }
    $downloads | ForEach-Object { [pscustomobject]@{ ProjectUid = $_.Result.ProjectUid; JobUid = $_.Result.JobUid; OutFile = $_.Target } } |
        Save-PhraseTmsJobTargetFile -Force -PassThru -ThrottleLimit $BatchSize @wait | ForEach-Object {
            $d = $byTarget[$_.FullName]
            $manifest[$d.Result.JobUid] = [pscustomobject]@{ JobUid = $d.Result.JobUid; Path = $d.Result.Path; Length = $_.Length; Sha256 = (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash }
            Save-Manifest
            $d.Result.Action = 'Downloaded'
            $d.Result
        }
}

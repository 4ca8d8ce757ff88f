<#
.SYNOPSIS
    Launches a project: created from a template, a folder of source files uploaded as jobs, pre-translated, analysed.
.DESCRIPTION
    1. creates the project from -TemplateUid (languages, workflow, client … come from the template);
    2. uploads every file under -SourceFolder (recursively) as jobs in -TargetLang (default: the template's target
       languages), each file's folder relative to -SourceFolder kept as the job's path (docs/guide/a.html → docs/guide),
       and waits until every import has finished;
    3. pre-translates the jobs and waits for it;
    4. creates an analysis of the jobs and waits for it.

    It writes one object per target language (PhraseTms.Recipe.LaunchedLanguage): the project, how many jobs, and the
    analysis' figures (segments, words, 100 % TM matches, repetitions). Format them as you like (Format-Table, Export-Csv).

    Every step stops the script at its first error (-ErrorAction Stop): a failed import, pre-translation or analysis
    ends the run with that error (ErrorId = the API's errorCode) and the project is left as it is for you to look at.
    Ctrl+C stops at once, also while waiting; nothing is sent after that. An upload that may have reached Phrase TMS is
    never sent twice.

    With -WhatIf nothing is created or uploaded: it says which project it would create and which files it would upload.
    -Verbose tells each step and each request. Connects from the PHRASETMS_* environment variables when no session is
    open (see Connect-PhraseTms); the token is never printed.
.PARAMETER TemplateUid
    The project template to create the project from.
.PARAMETER Name
    The new project's name.
.PARAMETER SourceFolder
    The folder whose files (all of them, recursively) become jobs.
.PARAMETER TargetLang
    The jobs' target languages; default: the project's (from the template).
.PARAMETER ThrottleLimit
    How many files are uploaded at once (default: New-PhraseTmsJob's).
.PARAMETER TimeoutSec
    How long each wait (imports, pre-translation, analysis) may take; default: no limit.
.PARAMETER ModulePath
    The module to import when PhraseTms is not loaded yet (default: PhraseTms from PSModulePath).
.EXAMPLE
    ./Launch-Project.ps1 -TemplateUid tmplWeb0001 -Name 'Website 2027' -SourceFolder ./site/en | Format-Table

    TargetLang Jobs Segments Words TmMatch100 Repetitions ProjectUid
    ---------- ---- -------- ----- ---------- ----------- ----------
    de           12      340  2810         41          17 pr0Ject7
    fr           12      340  2810          0          17 pr0Ject7
.EXAMPLE
    ./Launch-Project.ps1 -TemplateUid tmplWeb0001 -Name 'Website 2027' -SourceFolder ./site/en -TargetLang de, fr -WhatIf
    Says which project and which jobs it would create; sends nothing that changes anything.
.EXAMPLE
    ./Launch-Project.ps1 -TemplateUid tmplWeb0001 -Name 'Manual' -SourceFolder ./manual -Verbose | Export-Csv launch.csv
#>

#Requires -Version 5.1

[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory)] [string] $TemplateUid,
    [Parameter(Mandatory)] [string] $Name,
    [Parameter(Mandatory)] [string] $SourceFolder,
    [string[]] $TargetLang,
    [int] $ThrottleLimit,
    [int] $TimeoutSec,
    [string] $ModulePath = 'PhraseTms'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Local checks first: nothing is sent for a folder that is not there or holds no file.
if (-not (Test-Path -LiteralPath $SourceFolder -PathType Container)) { throw "-SourceFolder '$SourceFolder' is not a folder." }
$SourceFolder = (Resolve-Path -LiteralPath $SourceFolder).ProviderPath
$files = @(Get-ChildItem -LiteralPath $SourceFolder -Recurse -File)
if ($files.Count -eq 0) { throw "-SourceFolder '$SourceFolder' holds no file." }

if (-not (Get-Module PhraseTms)) { Import-Module $ModulePath }
if (-not (Get-PhraseTmsSession)) { Connect-PhraseTms }   # PHRASETMS_* environment variables

$wait = @{}
if ($TimeoutSec) { $wait.TimeoutSec = $TimeoutSec }
$upload = @{}
if ($ThrottleLimit) { $upload.ThrottleLimit = $ThrottleLimit }

$activity = "Launching '$Name'"
Write-Verbose "Creating project '$Name' from template $TemplateUid"
Write-Progress -Id 1 -Activity $activity -Status 'Creating the project' -PercentComplete 0
# The synchronous creation (-Async selects the asynchronous one), answering with the project.
$project = New-PhraseTmsProjectFromTemplate -TemplateUid $TemplateUid -Name $Name
if (-not $project) {
    # -WhatIf: there is no project to upload into; say what would be uploaded.
    foreach ($file in $files) { $null = $PSCmdlet.ShouldProcess($file.FullName, 'Upload as a job') }
    return
}
if (-not $TargetLang) { $TargetLang = @($project.TargetLangs) }
Write-Verbose "Project $($project.Uid): uploading $($files.Count) file(s) as jobs in $($TargetLang -join ', ')"
Write-Progress -Id 1 -Activity $activity -Status "Uploading $($files.Count) file(s), waiting for the imports" -PercentComplete 10

# One upload per file (several at once), the folder below -SourceFolder as the job's path; -Wait: until imported.
$jobs = @($files | New-PhraseTmsJob -ProjectUid $project.Uid -TargetLang $TargetLang -RelativeTo $SourceFolder -Wait @upload @wait)
$references = @($jobs | ForEach-Object { @{ uid = $_.Uid } })   # for -Job and for a -Body (keys sent as written)

Write-Verbose "Pre-translating $($jobs.Count) job(s)"
Write-Progress -Id 1 -Activity $activity -Status "Pre-translating $($jobs.Count) job(s)" -PercentComplete 60
$null = Invoke-PhraseTmsPreTranslateJob -ProjectUid $project.Uid -Job $references -Wait @wait

Write-Verbose 'Analysing the jobs'
Write-Progress -Id 1 -Activity $activity -Status 'Analysing the jobs' -PercentComplete 80
# POST /api2/v2/analyses (-ByLanguage selects the by-languages variant, v1).
$analysisRequest = New-PhraseTmsAnalysis -Job $references -Wait @wait
$analyses = @($analysisRequest.AsyncRequests | ForEach-Object { Get-PhraseTmsAnalysis -AnalyseUid ([string] $_.Analyse['uid']) })
$parts = @($analyses | ForEach-Object AnalyseLanguageParts)
Write-Progress -Id 1 -Activity $activity -Completed

foreach ($group in $jobs | Group-Object TargetLang | Sort-Object Name) {
    $figures = @($parts | Where-Object TargetLang -EQ $group.Name | ForEach-Object Data)
    [pscustomobject]@{
        PSTypeName  = 'PhraseTms.Recipe.LaunchedLanguage'
        TargetLang  = $group.Name
        Jobs        = $group.Count
        Segments    = ($figures | ForEach-Object { $_.All.Segments } | Measure-Object -Sum).Sum
        Words       = ($figures | ForEach-Object { $_.All.Words } | Measure-Object -Sum).Sum
        TmMatch100  = ($figures | ForEach-Object { $_.TransMemoryMatches.Match100.Words } | Measure-Object -Sum).Sum
        Repetitions = ($figures | ForEach-Object { $_.Repetitions.Words } | Measure-Object -Sum).Sum
        ProjectUid  = $project.Uid
        ProjectName = $project.Name
        AnalyseUid  = ($analyses.Uid -join ', ')
    }
}

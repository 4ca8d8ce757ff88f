<#
.SYNOPSIS
    Translation memory upkeep: imports a TMX into a TM and/or exports a TM to a TMX file.
.DESCRIPTION
    -ImportPath: uploads the TMX into -TransMemoryUid, waits until Phrase TMS has imported it, and reports how many
    segments the TM gained (its segment count after the import minus before).
    -ExportPath: asks Phrase TMS to export the TM (asynchronously, -TargetLang to limit the languages), waits for it,
    then downloads the TMX, written under a temporary name and moved to -ExportPath once complete.
    Both together import first, then export (e.g. a backup that includes the new segments).

    It writes one object per step (PhraseTms.Recipe.TransMemoryUpkeep): Action Imported/Exported, the file, its size,
    and the segment counts. Progress bars show the upload, the waits and the download; -Verbose tells each step and each
    request; with -WhatIf nothing is uploaded or exported. Ctrl+C stops at once (no file under -ExportPath then).
    Connects from the PHRASETMS_* environment variables when no session is open (see Connect-PhraseTms).
.PARAMETER TransMemoryUid
    The translation memory.
.PARAMETER ImportPath
    A TMX file to import.
.PARAMETER ExportPath
    Where to write the exported TMX (overwritten when it exists).
.PARAMETER TargetLang
    Export only these target languages (default: all of the TM's).
.PARAMETER TimeoutSec
    How long each wait may take; default: no limit.
.PARAMETER ModulePath
    The module to import when PhraseTms is not loaded yet (default: PhraseTms from PSModulePath).
.EXAMPLE
    ./Update-TransMemory.ps1 -TransMemoryUid tmOk000001 -ImportPath ./vendor-2026-12.tmx

    Action   TransMemoryUid Path                  Bytes SegmentsBefore SegmentsAfter SegmentsAdded
    ------   -------------- ----                  ----- -------------- ------------- -------------
    Imported tmOk000001     ./vendor-2026-12.tmx  48211           1200          1375           175
.EXAMPLE
    ./Update-TransMemory.ps1 -TransMemoryUid tmOk000001 -ExportPath ./backup/tmOk000001.tmx -TargetLang de -Verbose
.EXAMPLE
    Get-PhraseTmsTransMemory -Name 'Acme' | ForEach-Object { ./Update-TransMemory.ps1 -TransMemoryUid $_.Uid -ExportPath "./backup/$($_.Uid).tmx" }
    A backup of every TM whose name contains Acme.
#>

#Requires -Version 5.1

[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory)] [string] $TransMemoryUid,
    [string] $ImportPath,
    [string] $ExportPath,
    [string[]] $TargetLang,
    [int] $TimeoutSec,
    [string] $ModulePath = 'PhraseTms'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not $ImportPath -and -not $ExportPath) { throw 'Nothing to do: give -ImportPath, -ExportPath or both.' }
if ($ImportPath -and -not (Test-Path -LiteralPath $ImportPath -PathType Leaf)) { throw "-ImportPath '$ImportPath' is not a file." }
if (-not (Get-Module PhraseTms)) { Import-Module $ModulePath }
if (-not (Get-PhraseTmsSession)) { Connect-PhraseTms }   # PHRASETMS_* environment variables
$wait = @{}
if ($TimeoutSec) { $wait.TimeoutSec = $TimeoutSec }

if ($ImportPath) {
    $before = (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid $TransMemoryUid).SegmentsCount
    Write-Verbose "Importing $ImportPath into $TransMemoryUid ($before segment(s) now)"
    Write-Progress -Id 1 -Activity "Translation memory $TransMemoryUid" -Status "Importing $ImportPath"
    $imported = Import-PhraseTmsTransMemory -TransMemoryUid $TransMemoryUid -Path $ImportPath -Wait @wait
    if ($imported) {
        $after = (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid $TransMemoryUid).SegmentsCount
        [pscustomobject]@{
            PSTypeName = 'PhraseTms.Recipe.TransMemoryUpkeep'; Action = 'Imported'; TransMemoryUid = $TransMemoryUid
            Path = $ImportPath; Bytes = (Get-Item -LiteralPath $ImportPath).Length
            SegmentsBefore = $before; SegmentsAfter = $after; SegmentsAdded = $after - $before
        }
    }
}

if ($ExportPath) {
    $languages = @{}
    if ($TargetLang) { $languages.ExportTargetLang = $TargetLang }
    Write-Verbose "Exporting $TransMemoryUid"
    Write-Progress -Id 1 -Activity "Translation memory $TransMemoryUid" -Status "Exporting to $ExportPath"
    $export = Export-PhraseTmsTransMemory -TransMemoryUid $TransMemoryUid -Wait @languages @wait
    if ($export) {
        Write-Verbose "Downloading the export to $ExportPath"
        $folder = Split-Path -Parent $ExportPath
        if ($folder) { $null = New-Item -ItemType Directory -Path $folder -Force }
        $file = Save-PhraseTmsTransMemoryExport -AsyncRequestId $export.AsyncRequest.Id -OutFile $ExportPath -PassThru
        [pscustomobject]@{
            PSTypeName = 'PhraseTms.Recipe.TransMemoryUpkeep'; Action = 'Exported'; TransMemoryUid = $TransMemoryUid
            Path = $ExportPath; Bytes = $file.Length
            SegmentsBefore = $null; SegmentsAfter = (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid $TransMemoryUid).SegmentsCount; SegmentsAdded = $null
        }
    }
}
Write-Progress -Id 1 -Activity "Translation memory $TransMemoryUid" -Completed

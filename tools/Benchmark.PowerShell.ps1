#Requires -Version 7.4
<#
.SYNOPSIS
    The module inside the PowerShell pipeline, against the emulator: P5 (the floor), P6 (an Invoke-RestMethod loop),
    P7 (memory of a million items streamed).
.DESCRIPTION
    Builds the solution (Release, unless -NoBuild), starts the emulator with its bench project (1,000,000 tasks) on
    127.0.0.1, imports out/PhraseTms and prints one line per figure:
      P5  Get-ConnectorAsyncTask (100,000 tasks, pages of 1000) | Measure-Object, against the floor: a trivial binary
          cmdlet writing the same 100,000 objects, already built, into the same Measure-Object (target <= 1.5x).
      P6  the module against the paging loop PowerShell users write today with Invoke-RestMethod, without and with
          25 ms per page (target <= 0.15x each).
      P7  1,000,000 tasks streamed into Measure-Object in a fresh pwsh: growth of its peak working set (target < 64 MB).
      I1  Import-Module of out/PhraseTms (every cmdlet, hand-written and generated) in fresh pwsh processes, against a
          build of the hand-written cmdlets only (-p:PhraseTmsSkipGeneratedCmdlets=true, laid out in out/bench/) made
          in the same run (target <= 1.5x; measured before the generated cmdlets: 320-350 ms). -ImportOnly: I1 alone.
    Times are medians of -Repeat runs after one warm-up (P5: module and floor in turns, after -Warmup untimed pairs);
    the figures are read in the same run against the same emulator.
.EXAMPLE
    dotnet pwsh ./tools/Benchmark.PowerShell.ps1
.EXAMPLE
    dotnet pwsh ./tools/Benchmark.PowerShell.ps1 -NoBuild -Repeat 3
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [switch] $NoBuild,
    [ValidateRange(1, 50)] [int] $Repeat = 5,
    [ValidateRange(0, 50)] [int] $Warmup = 3,
    [ValidateRange(1000, 1000000)] [int] $Items = 100000,
    [ValidateRange(1000, 5000000)] [int] $StreamItems = 1000000,
    [switch] $ImportOnly
)
$ErrorActionPreference = 'Stop'
# Progress bars off for all contenders (Invoke-RestMethod would draw one per request; users switch it off for speed).
$ProgressPreference = 'SilentlyContinue'
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $root 'tools/Emulator.ps1')

if (-not $NoBuild) {
    Write-Host "Building PhraseTms.sln ($Configuration) ..."
    dotnet build (Join-Path $root 'PhraseTms.sln') -c $Configuration --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[[int][Math]::Floor($n / 2)] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

# Runs $Script once to warm up, then $Repeat times; the median in ms. $Check sees the last Measure-Object result.
function Measure-Median([scriptblock] $Script, [int] $Expect) {
    $times = foreach ($i in 0..$Repeat) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $count = (& $Script).Count
        $watch.Stop()
        if ($count -ne $Expect) { throw "Expected $Expect items, got $count." }
        if ($i -gt 0) { $watch.Elapsed.TotalMilliseconds }
    }
    Get-Median $times
}

# Runs $A and $B in turns ($Warmup pairs first, not timed; then $Repeat timed pairs): the two medians in ms. Taking
# turns keeps the two sides under the same conditions: on 2 cores, the runtime's background JIT (tiered compilation of
# PowerShell's own code keeps going for seconds) and the machine's drift otherwise favour whichever side runs last.
function Measure-Pair([scriptblock] $A, [scriptblock] $B, [int] $Expect) {
    $timesA = [Collections.Generic.List[double]]::new(); $timesB = [Collections.Generic.List[double]]::new()
    foreach ($i in 1..($Warmup + $Repeat)) {
        foreach ($side in 'A', 'B') {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $count = (& ($side -eq 'A' ? $A : $B)).Count
            $watch.Stop()
            if ($count -ne $Expect) { throw "Expected $Expect items, got $count." }
            if ($i -gt $Warmup) { ($side -eq 'A' ? $timesA : $timesB).Add($watch.Elapsed.TotalMilliseconds) }
        }
    }
    [pscustomobject]@{ A = Get-Median $timesA; B = Get-Median $timesB }
}

# I1: import time. Fresh processes (a module loads once per process); the figure is the Import-Module call's own time.
function Measure-Import([string] $Manifest) {
    $pwsh = & (Join-Path $root 'examples/Get-ChildPowerShell.ps1')
    $times = foreach ($i in 0..$Repeat) {
        $out = & $pwsh.FilePath @($pwsh.ArgumentList) -NoProfile -NonInteractive -Command "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Manifest' -WarningVariable warned; `$w.Stop(); if (`$warned) { throw 'warnings' }; `$w.Elapsed.TotalMilliseconds; (Get-Command -Module PhraseTms).Count"
        if ($LASTEXITCODE -ne 0) { throw "Import of $Manifest failed: $out" }
        if ($i -gt 0) { [double]$out[0] }
        $script:importedCmdlets = [int]$out[1]
    }
    Get-Median $times
}
$handOnly = Join-Path $root 'out/bench/handwritten'
dotnet build (Join-Path $root 'src/PhraseTms/PhraseTms.csproj') -c $Configuration -f net8.0 --nologo -v quiet `
    -p:PhraseTmsSkipGeneratedCmdlets=true "-p:ModuleOutDir=$handOnly/" -p:IntermediateOutputPath=obj/handwritten/ "-p:OutDir=$root/out/bench/handwritten-bin/" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "dotnet build of the hand-written cmdlets only failed ($LASTEXITCODE)." }
$allImport = Measure-Import (Join-Path $root 'out/PhraseTms/PhraseTms.psd1'); $allCount = $importedCmdlets
$handImport = Measure-Import (Join-Path $handOnly 'PhraseTms.psd1'); $handCount = $importedCmdlets
'I1  Import-Module: {0:N0} ms with {1} cmdlets, {2:N0} ms with the {3} hand-written only: {4:N2}x (target <= 1.5x; reference before: 320-350 ms)' -f `
    $allImport, $allCount, $handImport, $handCount, ($allImport / $handImport)
if ($ImportOnly) { return }

$benchProject = 'benchProject01'
$pages = [int][Math]::Ceiling($Items / 1000)
$emulator = Start-PhraseTmsEmulator -Configuration $Configuration -TimeoutSec 120 -ArgumentList '--bench-items', "$StreamItems"
try {
    $admin = $emulator.BaseUri -replace '/web$', '/_emulator'
    $tokenText = $emulator.ApiToken
    $modulePath = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
    Import-Module $modulePath -Force
    Connect-PhraseTms -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $tokenText -AsPlainText -Force)
    $prefetch = 6   # Connect-PhraseTms -PrefetchPages default

    # The floor: a binary cmdlet that writes objects it already holds, nothing else.
    if (-not ('PhraseTmsBenchmark.WritePrebuiltCommand' -as [type])) {
        $floorAssembly = Add-Type -PassThru -TypeDefinition @'
using System.Collections.Generic;
using System.Management.Automation;
namespace PhraseTmsBenchmark
{
    [Cmdlet(VerbsCommunications.Write, "Prebuilt")]
    public sealed class WritePrebuiltCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public List<object> Items { get; set; }

        protected override void EndProcessing()
        {
            foreach (var item in Items) WriteObject(item);
        }
    }
}
'@ | Select-Object -First 1
        Import-Module -Assembly $floorAssembly.Assembly
    }
    $prebuilt = [System.Collections.Generic.List[object]]::new($Items)
    Get-ConnectorAsyncTask -ProjectUid $benchProject -First $Items | ForEach-Object { $prebuilt.Add($_.psobject.BaseObject) }

    # What PowerShell users write today: a paging loop with Invoke-RestMethod.
    $irmLoop = {
        & {
            $headers = @{ Authorization = "ApiToken $tokenText" }
            for ($page = 0; $page -lt $pages; $page++) {
                $answer = Invoke-RestMethod -Headers $headers -Uri "$($emulator.BaseUri)/api2/v1/connectorAsyncTasks?projectUid=$benchProject&pageNumber=$page&pageSize=1000"
                $answer.content
                if ($page + 1 -ge $answer.totalPages) { break }
            }
        } | Measure-Object
    }
    $moduleRead = { Get-ConnectorAsyncTask -ProjectUid $benchProject -First $Items | Measure-Object }
    $floorRead = { Write-Prebuilt $prebuilt | Measure-Object }

    $cores = [Environment]::ProcessorCount
    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' }
    "PhraseTms PowerShell benchmark: pwsh $($PSVersionTable.PSVersion), $cores cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), module $Configuration build, emulator on 127.0.0.1 ($StreamItems bench tasks), progress off, load average $load"

    $pair = Measure-Pair $moduleRead $floorRead $Items
    $module = $pair.A
    $floor = $pair.B
    $ratio = $module / $floor
    "P5 {0,-4} {1:N0} items, pages of 1000, in pwsh | Measure-Object: module {2:N1} ms (prefetch {3}), floor (binary cmdlet writing the same objects, prebuilt) {4:N1} ms, ratio {5:N2}x (target <= 1.50x) [median of {6}, in turns after {7} untimed pairs]" -f `
        ($ratio -le 1.5 ? 'ok' : 'FAIL'), $Items, $module, $prefetch, $floor, $ratio, $Repeat, $Warmup

    $irm = Measure-Median $irmLoop $Items
    $ratio = $module / $irm
    "P6 {0,-4} {1:N0} items, no added latency: module {2:N1} ms, Invoke-RestMethod loop {3:N1} ms, ratio {4:N2}x (target <= 0.15x) [median of {5}]" -f `
        ($ratio -le 0.15 ? 'ok' : 'FAIL'), $Items, $module, $irm, $ratio, $Repeat

    $fault = @{ method = 'GET'; pathContains = '/connectorAsyncTasks'; kind = 'Latency'; delayMs = 25; times = -1 } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri "$admin/faults" -Body $fault -ContentType 'application/json' | Out-Null
    try {
        $slowModule = Measure-Median $moduleRead $Items
        $slowIrm = Measure-Median $irmLoop $Items
        # For comparison: the narrower read-ahead window of earlier versions (Connect-PhraseTms -PrefetchPages 3).
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $tokenText -AsPlainText -Force) -PrefetchPages 3
        $wideModule = Measure-Median $moduleRead $Items
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $tokenText -AsPlainText -Force)
    }
    finally {
        Invoke-RestMethod -Method Delete -Uri "$admin/faults" | Out-Null
    }
    $ratio = $slowModule / $slowIrm
    "P6 {0,-4} {1:N0} items, 25 ms per page: module {2:N1} ms, Invoke-RestMethod loop {3:N1} ms, ratio {4:N2}x (target <= 0.15x); module with -PrefetchPages 3: {6:N1} ms, {7:N2}x [median of {5}]" -f `
        ($ratio -le 0.15 ? 'ok' : 'FAIL'), $Items, $slowModule, $slowIrm, $ratio, $Repeat, $wideModule, ($wideModule / $slowIrm)

    # P7 in a fresh pwsh, so that nothing measured before (the prebuilt objects) is in its peak.
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $child = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$modulePath'
Connect-PhraseTms -BaseUri '$($emulator.BaseUri)' -Token (ConvertTo-SecureString '$tokenText' -AsPlainText -Force)
`$null = Get-ConnectorAsyncTask -ProjectUid '$benchProject' -First 2000 | Measure-Object   # load and JIT the code paths
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$process = [Diagnostics.Process]::GetCurrentProcess()
`$process.Refresh()
`$before = `$process.WorkingSet64
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$count = (Get-ConnectorAsyncTask -ProjectUid '$benchProject' | Measure-Object).Count
`$watch.Stop()
`$process.Refresh()
'{0} {1} {2} {3}' -f `$count, `$before, `$process.PeakWorkingSet64, `$watch.Elapsed.TotalMilliseconds
"@
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($child))
    $line = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0 -or $line -notmatch '^\d+ \d+ \d+ [\d.]+$') { throw "The P7 child pwsh failed: $line" }
    $count, $before, $peak, $ms = $line.Split(' ')
    if ([long]$count -ne $StreamItems) { throw "P7 expected $StreamItems items, got $count." }
    $growth = ([long]$peak - [long]$before) / 1MB
    "P7 {0,-4} {1:N0} items streamed in a fresh pwsh | Measure-Object: peak working set growth {2:N1} MB (working set before {3:N1} MB, peak {4:N1} MB) in {5:N0} ms (target < 64 MB)" -f `
        ($growth -lt 64 ? 'ok' : 'FAIL'), [long]$count, $growth, ([long]$before / 1MB), ([long]$peak / 1MB), [double]$ms
    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' }
    "done; load average $load"
}
finally {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Stop-PhraseTmsEmulator $emulator
}

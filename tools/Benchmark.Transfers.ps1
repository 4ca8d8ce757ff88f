#Requires -Version 7.4
<#
.SYNOPSIS
    T3 (issue 12): uploading a folder of small files as jobs, New-PhraseTmsJob's default -ThrottleLimit against one by one.
.DESCRIPTION
    Starts the emulator on 127.0.0.1 with a latency fault of -LatencyMs (25) on every API request, creates -Files (200)
    deterministic files of 10-100 KB in a temporary folder, imports out/PhraseTms, and uploads them all as jobs of a new
    project twice per round: `Get-ChildItem | New-PhraseTmsJob` with the default -ThrottleLimit, then with
    -ThrottleLimit 1 (sides alternate between rounds). Each side is judged on its median of -Repeat rounds after one
    warm-up, measured in the same run against the same emulator, and the emulator's journal checks every upload was
    received once. Prints one line:

        T3: 200 files, default throttle N.NN s vs 1-by-1 N.NN s = 0.NNx (goal <= 0.5x)

    Run a build first (dotnet build PhraseTms.sln -c <Configuration>): the module is read from out/PhraseTms.
.EXAMPLE
    dotnet pwsh ./tools/Benchmark.Transfers.ps1
.EXAMPLE
    dotnet pwsh ./tools/Benchmark.Transfers.ps1 -Repeat 1 -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Debug',
    [ValidateRange(1, 20)] [int] $Repeat = 3,
    [ValidateRange(1, 5000)] [int] $Files = 200,
    [ValidateRange(0, 1000)] [int] $LatencyMs = 25
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $root 'tools/Emulator.ps1')

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[[int][Math]::Floor($n / 2)] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

# Deterministic files: sizes and bytes from a fixed seed.
$folder = Join-Path ([System.IO.Path]::GetTempPath()) "phrasetms-t3-$PID"
$null = New-Item -ItemType Directory -Path $folder -Force
$random = [System.Random]::new(12)
foreach ($i in 1..$Files) {
    $bytes = [byte[]]::new($random.Next(10KB, 100KB + 1))
    $random.NextBytes($bytes)
    [System.IO.File]::WriteAllBytes((Join-Path $folder ('file{0:D4}.txt' -f $i)), $bytes)
}
$totalKb = [Math]::Round((Get-ChildItem $folder -File | Measure-Object Length -Sum).Sum / 1KB)

$emulator = Start-PhraseTmsEmulator -Configuration $Configuration
try {
    $admin = $emulator.BaseUri -replace '/web$', '/_emulator'
    Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1')
    Connect-PhraseTms -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $emulator.ApiToken -AsPlainText -Force)
    $fault = @{ method = '*'; pathContains = '/api2/'; kind = 'Latency'; delayMs = $LatencyMs; times = -1 } | ConvertTo-Json
    Invoke-RestMethod -Verbose:$false -Method Post "$admin/faults" -ContentType 'application/json' -Body $fault | Out-Null
    $sides = @{
        default = { param($uid) Get-ChildItem $folder -File | New-PhraseTmsJob -ProjectUid $uid -TargetLang de }
        one     = { param($uid) Get-ChildItem $folder -File | New-PhraseTmsJob -ProjectUid $uid -TargetLang de -ThrottleLimit 1 }
    }
    $times = @{ default = [System.Collections.Generic.List[double]]::new(); one = [System.Collections.Generic.List[double]]::new() }
    foreach ($round in 0..$Repeat) {
        $order = if ($round % 2) { 'one', 'default' } else { 'default', 'one' }
        foreach ($side in $order) {
            $project = New-PhraseTmsProject -Name "T3 $side $round" -SourceLang en -TargetLang de
            Invoke-RestMethod -Verbose:$false -Method Delete "$admin/requests" | Out-Null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $created = @(& $sides[$side] $project.Uid)
            $watch.Stop()
            $posts = @(Invoke-RestMethod -Verbose:$false "$admin/requests" | ForEach-Object { $_ } |
                    Where-Object { $_.method -eq 'POST' -and $_.path -eq "/api2/v1/projects/$($project.Uid)/jobs" }).Count
            if ($created.Count -ne $Files -or $posts -ne $Files) { throw "$side round ${round}: $($created.Count) results and $posts uploads for $Files files." }
            if ($round -gt 0) { $times[$side].Add($watch.Elapsed.TotalSeconds) }
        }
    }
    $default = Get-Median $times.default
    $one = Get-Median $times.one
    Write-Verbose "$Files files, $totalKb KB, $LatencyMs ms per request; rounds: default $($times.default -join ', ') s; one by one $($times.one -join ', ') s"
    'T3: {0} files, default throttle {1:N2} s vs 1-by-1 {2:N2} s = {3:N2}× (goal ≤ 0.5×) [{4} KB, {5} ms per request, median of {6}; {7} cores, load average {8}]' -f `
        $Files, $default, $one, ($default / $one), $totalKb, $LatencyMs, $Repeat, [Environment]::ProcessorCount,
        $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' })
}
finally {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Stop-PhraseTmsEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the PhraseTms module.
.DESCRIPTION
    Build  : dotnet build; the importable module is laid out in out/PhraseTms/.
    Test   : every test: the xunit suites (dotnet test PhraseTms.sln), then every Pester suite (tests/*.Tests.ps1) in
             a child PowerShell; ends with one line "N passed, M failed" summed over both, and exits 1 when a test
             failed or none ran. Pester: an installed Pester 5 if there is one, else the Pester the build restored
             from NuGet into out/tools/Pester (tools/TestTools).
    Pester : the Pester suites only (builds first).
    Demo   : builds, starts the local Phrase TMS emulator (or uses your account when PHRASETMS_TOKEN or
             PHRASETMS_USERNAME/PHRASETMS_PASSWORD are set), imports the module and runs a short tour.
    Package: builds (Release unless -Configuration says otherwise) and copies the manifest's FileList into
             out/PhraseTms/<ModuleVersion>/, a versioned module folder for Publish-PSResource; checks it with
             Test-ModuleManifest.
    Clean  : removes out/ and the build outputs.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
    On a machine with only the .NET SDK: PowerShell comes from the repository's tool manifest (.config/dotnet-tools.json).
.EXAMPLE
    ./build.ps1 -Task Test
    Where pwsh 7.4+ is installed already.
.EXAMPLE
    ./build.ps1 -Task Package; Publish-PSResource -Path ./out/PhraseTms/0.1.0 -Repository PSGallery -ApiKey $key
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Package', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ($Task -eq 'Package' -and -not $PSBoundParameters.ContainsKey('Configuration')) { $Configuration = 'Release' }
$root = $PSScriptRoot
$solution = Join-Path $root 'PhraseTms.sln'
$moduleManifest = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Native "dotnet build ($Configuration)" { dotnet build $solution -c $Configuration --nologo }
    if (-not (Test-Path $moduleManifest)) { throw "The build did not lay out $moduleManifest." }
    Write-Host "Module ready: Import-Module $moduleManifest" -ForegroundColor Green
}

function Invoke-Package {
    Invoke-Build
    $layout = Split-Path -Parent $moduleManifest
    $manifest = Import-PowerShellDataFile -Path $moduleManifest
    $version = [string] $manifest.ModuleVersion
    $target = Join-Path $layout $version
    if (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Recurse -Force }
    foreach ($file in $manifest.FileList) {
        $source = Join-Path $layout $file
        if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { throw "FileList names $file, which the build did not lay out in $layout." }
        $destination = Join-Path $target $file
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $destination) -Force
        Copy-Item -LiteralPath $source -Destination $destination
    }
    $checked = Test-ModuleManifest -Path (Join-Path $target 'PhraseTms.psd1')
    if ($checked.Version -ne [version] $version) { throw "Test-ModuleManifest read version $($checked.Version), expected $version." }
    Write-Host "Package ready: $target" -ForegroundColor Green
    Write-Host "Publish with: Publish-PSResource -Path '$target' -Repository PSGallery -ApiKey <key>"
}

# A child PowerShell of the same install as this one (under the .NET tool, $PID's process is dotnet, not pwsh).
$childPowerShell = & (Join-Path $root 'examples/Get-ChildPowerShell.ps1')

function Invoke-ChildPowerShell([string[]] $Arguments) {
    & $childPowerShell.FilePath @($childPowerShell.ArgumentList) @Arguments
}

# The Pester 5 to run the suites with: an installed Pester 5 when the user has one, else the one the build restored
# from NuGet into out/tools (tools/TestTools); never the PowerShell Gallery.
function Get-PesterModule {
    $installed = Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.Path }
    $restored = Get-ChildItem (Join-Path $root 'out/tools/Pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $restored) {
        # To the host: the build's lines must not become part of this function's result.
        Invoke-Native 'restore Pester from NuGet' { dotnet build (Join-Path $root 'tools/TestTools/TestTools.csproj') -c $Configuration --nologo -v quiet } | Out-Host
        $restored = Get-ChildItem (Join-Path $root 'out/tools/Pester') -Filter Pester.psd1 -Recurse | Select-Object -First 1
    }
    if (-not $restored) { throw 'Pester 5 is neither installed nor restored in out/tools/Pester.' }
    $restored.FullName
}

# Every Pester suite of PowerShell 7 (tests/*.Tests.ps1; the Windows PowerShell 5.1 suite runs in its own CI job), in a
# child process so that the module's DLLs are not locked in this session (Windows) and state is fresh. Returns counts.
function Invoke-PesterSuite {
    $pester = Get-PesterModule
    $paths = @(Get-ChildItem (Join-Path $root 'tests') -Filter '*.Tests.ps1' | Where-Object Name -NotLike '*.Desktop.Tests.ps1' | ForEach-Object FullName)
    $resultFile = Join-Path ([System.IO.Path]::GetTempPath()) "phrasetms-pester-$PID.json"
    $quoted = ($paths | ForEach-Object { "'$($_.Replace("'", "''"))'" }) -join ', '
    $script = @"
Import-Module '$($pester.Replace("'", "''"))'
`$c = New-PesterConfiguration
`$c.Run.Path = @($quoted)
`$c.Run.PassThru = `$true
`$c.Output.Verbosity = 'Detailed'
`$c.TestResult.Enabled = `$false
`$env:PHRASETMS_TEST_CONFIGURATION = '$Configuration'
`$r = Invoke-Pester -Configuration `$c
`$failed = `$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount
@{ Passed = `$r.PassedCount; Failed = `$failed; Skipped = `$r.SkippedCount + `$r.NotRunCount; Pester = [string] (Get-Module Pester).Version } |
    ConvertTo-Json | Set-Content -LiteralPath '$($resultFile.Replace("'", "''"))'
"@
    Write-Host "==> Pester suite ($(Split-Path -Leaf (Split-Path -Parent $pester)) from $(Split-Path -Parent $pester))" -ForegroundColor Cyan
    Remove-Item -LiteralPath $resultFile -ErrorAction SilentlyContinue
    Invoke-ChildPowerShell @('-NoProfile', '-NonInteractive', '-Command', $script) | Out-Host
    if (-not (Test-Path -LiteralPath $resultFile)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    $result = Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
    Remove-Item -LiteralPath $resultFile
    $result
}

# The xunit suites (dotnet test), echoed as they run; returns the counts summed from dotnet test's summary lines.
function Invoke-XunitSuite {
    Write-Host "==> dotnet test ($Configuration)" -ForegroundColor Cyan
    $passed = 0; $failed = 0
    dotnet test $solution -c $Configuration --nologo 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        if ($line -match '(Passed|Failed)! +- +Failed: +(\d+), +Passed: +(\d+)') {
            $failed += [int] $Matches[2]; $passed += [int] $Matches[3]
        }
    }
    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) { $failed = 1 }   # a build error, a crashed test host
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    $xunit = Invoke-XunitSuite   # dotnet test builds the solution (the module in out/PhraseTms; not Pester: NoTargets)
    $pester = Invoke-PesterSuite  # restores Pester into out/tools first when no Pester 5 is installed
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ''
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    if ($passed -eq 0) { Write-Host 'No test ran.' }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pester' {
        Invoke-Build
        $pester = Invoke-PesterSuite
        Write-Host "$($pester.Passed) passed, $($pester.Failed) failed"
        if ($pester.Failed -gt 0 -or $pester.Passed -eq 0) { exit 1 }
    }
    'Demo' {
        Invoke-Build
        Invoke-Native 'demo tour' { Invoke-ChildPowerShell @('-NoProfile', '-File', (Join-Path $root 'tools/Demo.ps1'), '-Configuration', $Configuration) }
    }
    'Package' { Invoke-Package }
    'Clean' {
        Invoke-Native 'dotnet clean' { dotnet clean $solution -c $Configuration --nologo }
        Remove-Item (Join-Path $root 'out') -Recurse -Force -ErrorAction SilentlyContinue
    }
}

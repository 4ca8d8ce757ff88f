#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the PhraseTms module.
.DESCRIPTION
    Build  : dotnet build; the importable module is laid out in out/PhraseTms/.
    Test   : the xunit suite (dotnet test PhraseTms.sln), then the Pester suite (tests/PhraseTms.Tests.ps1).
    Pester : the Pester suite only (builds first).
    Demo   : builds, starts the local Phrase TMS emulator (or uses your account when PHRASETMS_TOKEN or
             PHRASETMS_USERNAME/PHRASETMS_PASSWORD are set), imports the module and runs a short tour.
    Package: builds (Release unless -Configuration says otherwise) and copies the manifest's FileList into
             out/PhraseTms/<ModuleVersion>/, a versioned module folder for Publish-PSResource; checks it with
             Test-ModuleManifest.
    Clean  : removes out/ and the build outputs.
.EXAMPLE
    ./build.ps1 -Task Demo
.EXAMPLE
    ./build.ps1 -Task Test
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

function Invoke-Pester5 {
    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Host 'Pester 5 is not installed; installing it for the current user (Install-Module Pester -MinimumVersion 5.5).'
        try {
            Install-Module Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck -ErrorAction Stop
        }
        catch {
            throw "Pester 5 is needed for the Pester suite and could not be installed: $_"
        }
    }
    # A child process, so that the module's DLLs are not locked in this session (Windows) and state is fresh.
    $script = @"
Import-Module Pester -MinimumVersion 5.0
`$c = New-PesterConfiguration
`$c.Run.Path = '$((Join-Path $root 'tests/PhraseTms.Tests.ps1').Replace("'", "''"))'
`$c.Run.Exit = `$true
`$c.Output.Verbosity = 'Detailed'
`$c.TestResult.Enabled = `$false
`$env:PHRASETMS_TEST_CONFIGURATION = '$Configuration'
Invoke-Pester -Configuration `$c
"@
    Invoke-Native 'Pester suite' { pwsh -NoProfile -NonInteractive -Command $script }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Native 'dotnet test' { dotnet test $solution -c $Configuration --nologo }
        Invoke-Pester5
    }
    'Pester' {
        Invoke-Build
        Invoke-Pester5
    }
    'Demo' {
        Invoke-Build
        Invoke-Native 'demo tour' { pwsh -NoProfile -File (Join-Path $root 'tools/Demo.ps1') -Configuration $Configuration }
    }
    'Package' { Invoke-Package }
    'Clean' {
        Invoke-Native 'dotnet clean' { dotnet clean $solution -c $Configuration --nologo }
        Remove-Item (Join-Path $root 'out') -Recurse -Force -ErrorAction SilentlyContinue
    }
}

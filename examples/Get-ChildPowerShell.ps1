#Requires -Version 5.1
<#
.SYNOPSIS
    Tells how to start a new PowerShell process of the same install as the one running this script.
.DESCRIPTION
    A scheduler (Task Scheduler, cron, a CI step) or a script that starts a child PowerShell needs the executable of
    the PowerShell it runs under. `(Get-Process -Id $PID).Path` and `[Environment]::ProcessPath` are not it when
    PowerShell runs as a .NET tool (`dotnet pwsh`): they name the `dotnet` host. This script looks in $PSHOME instead:

        Windows PowerShell 5.1           $PSHOME\powershell.exe
        PowerShell 7 (package, MSI, zip,
        .NET tool with its apphost)      $PSHOME/pwsh  or  $PSHOME\pwsh.exe
        .NET tool without an apphost     dotnet $PSHOME/pwsh.dll

    It returns FilePath and ArgumentList (what goes before your own arguments), and CommandLine, the same as one
    line for a scheduler.
.EXAMPLE
    $ps = & ./Get-ChildPowerShell.ps1
    & $ps.FilePath @($ps.ArgumentList) -NoProfile -NonInteractive -File ./Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123
.EXAMPLE
    (& ./Get-ChildPowerShell.ps1).CommandLine
    The line to paste into a scheduler, e.g. /home/me/.dotnet/tools/.store/powershell/7.6.9/.../pwsh
#>
[CmdletBinding()]
[OutputType([pscustomobject])]
param()
Set-StrictMode -Version Latest

function New-ChildPowerShell([string] $FilePath, [string[]] $ArgumentList) {
    $quote = { param($s) if ($s -match '[\s"]') { '"' + $s.Replace('"', '\"') + '"' } else { $s } }
    [pscustomobject]@{
        PSTypeName   = 'PhraseTms.ChildPowerShell'
        FilePath     = $FilePath
        ArgumentList = $ArgumentList
        Edition      = $PSVersionTable.PSEdition
        CommandLine  = (@($FilePath) + $ArgumentList | ForEach-Object { & $quote $_ }) -join ' '
    }
}

if ($PSVersionTable.PSEdition -eq 'Desktop') {
    return New-ChildPowerShell (Join-Path $PSHOME 'powershell.exe') @()
}

$onWindows = [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)
$apphost = Join-Path $PSHOME $(if ($onWindows) { 'pwsh.exe' } else { 'pwsh' })
if (Test-Path -LiteralPath $apphost -PathType Leaf) {
    return New-ChildPowerShell $apphost @()
}

# A framework-dependent layout with no apphost: start pwsh.dll with the dotnet host that runs us (or the one on PATH).
$assembly = Join-Path $PSHOME 'pwsh.dll'
if (Test-Path -LiteralPath $assembly -PathType Leaf) {
    $hostPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -ne 'dotnet') {
        $hostPath = (Get-Command dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
    }
    return New-ChildPowerShell $hostPath @($assembly)
}

$onPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($onPath) { return New-ChildPowerShell $onPath.Source @() }
throw "No PowerShell executable found in $PSHOME or on PATH."

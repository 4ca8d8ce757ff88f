<#
.SYNOPSIS
    Tells how to start a new PowerShell process of the same install as the one running this script.
.DESCRIPTION
    A scheduler (Task Scheduler, cron, a CI step) or a script that starts a child PowerShell needs the executable of
    the PowerShell it runs under. `(Get-Process -Id $PID).Path` and `[Environment]::ProcessPath` are not it when
    PowerShell runs as a .NET tool (`dotnet pwsh`): they name the `dotnet` host. This script looks in $PSHOME instead:

        Windows PowerShell 5.1           $PSHOME\powershell.exe
        PowerShell 7 as a .NET tool      <the dotnet running it> $PSHOME/pwsh.dll
        PowerShell 7 (package, MSI, zip) $PSHOME/pwsh  or  $PSHOME\pwsh.exe
        anything else                    pwsh from PATH

    It returns FilePath and ArgumentList (what goes before your own arguments), and CommandLine, the same as one
    line for a scheduler.
.EXAMPLE
    $ps = & ./Get-ChildPowerShell.ps1
    & $ps.FilePath @($ps.ArgumentList) -NoProfile -NonInteractive -File ./Scheduled-ConnectorReport.ps1 -ProjectUid aBcD123
.EXAMPLE
    (& ./Get-ChildPowerShell.ps1).CommandLine
    The line to paste into a scheduler, e.g. /usr/bin/pwsh, or under the .NET tool
    /usr/share/dotnet/dotnet /home/me/.nuget/packages/powershell/7.6.9/tools/net10.0/any/unix/pwsh.dll
#>

#Requires -Version 5.1

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

# The .NET tool (`dotnet pwsh`) runs pwsh.dll in the dotnet host: start the child the same way, with the same host. Its
# apphost may not find the runtime when dotnet lives outside the default location and DOTNET_ROOT is not set.
$hostPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
$assembly = Join-Path $PSHOME 'pwsh.dll'
if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet' -and (Test-Path -LiteralPath $assembly -PathType Leaf)) {
    return New-ChildPowerShell $hostPath @($assembly)
}

$onWindows = [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)
$apphost = Join-Path $PSHOME $(if ($onWindows) { 'pwsh.exe' } else { 'pwsh' })
if (Test-Path -LiteralPath $apphost -PathType Leaf) {
    return New-ChildPowerShell $apphost @()
}

$onPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($onPath) { return New-ChildPowerShell $onPath.Source @() }
throw "No PowerShell executable found in $PSHOME or on PATH."

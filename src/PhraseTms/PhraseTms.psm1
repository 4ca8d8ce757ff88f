# Root module of PhraseTms: imports the build of the cmdlets made for this PowerShell and exports its cmdlets
# (the manifest's CmdletsToExport lists them).
#   PowerShell 7.4+ (Core)   PhraseTms.dll next to this file (.NET 8)
#   Windows PowerShell 5.1   desktop\PhraseTms.dll (.NET Standard 2.0 on .NET Framework 4.7.2+); it loads its
#                            dependencies from desktop\Dependencies\ itself (PhraseTms.Desktop.DesktopModuleInitializer).
# Keep this file valid for Windows PowerShell 5.1.

if ($PSEdition -eq 'Core') {
    $version = $PSVersionTable.PSVersion
    if ($version.Major -lt 7 -or ($version.Major -eq 7 -and $version.Minor -lt 4)) {
        throw "PhraseTms needs PowerShell 7.4 or later (this is PowerShell $version), or Windows PowerShell 5.1."
    }
    $binaryPath = Join-Path $PSScriptRoot 'PhraseTms.dll'
}
else {
    $netFramework = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release -ErrorAction SilentlyContinue
    if (-not $netFramework -or $netFramework.Release -lt 461808) {
        throw 'PhraseTms needs .NET Framework 4.7.2 or later in Windows PowerShell 5.1 (or use PowerShell 7.4+).'
    }
    $binaryPath = Join-Path $PSScriptRoot 'desktop\PhraseTms.dll'
}

$binaryModule = Import-Module -Name $binaryPath -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)

# The models carry their stable type name (PhraseTms.ConnectorAsyncTask ...) first in PSTypeNames by type, through
# one type adapter, rather than by a name inserted into every object written (see ModuleTypeNames). One call for all
# the types: a call per type cost the import most of its time once the generated cmdlets' models came in.
Update-TypeData -TypeData ([PhraseTms.Infrastructure.ModuleTypeNames]::AdaptedTypeData()) -Force

# Removing PhraseTms removes the binary module with it (which unhooks the desktop assembly resolver).
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue }

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Windows PowerShell 5.1: the desktop build (out/PhraseTms/desktop) as a user meets it, against the local emulator.
# Every test is skipped in any other PowerShell. After `dotnet build PhraseTms.sln`, in Windows PowerShell 5.1:
#   powershell -NoProfile -Command "Invoke-Pester ./tests/PhraseTms.Desktop.Tests.ps1 -Output Detailed"
# Keep this file valid for Windows PowerShell 5.1 (no ternaries, ??, && or ::new on generic types).

Describe 'PhraseTms in Windows PowerShell 5.1' -Tag 'Desktop' {
    BeforeAll {
        if ($PSEdition -ne 'Desktop') { return }
        $root = Split-Path -Parent $PSScriptRoot
        . (Join-Path $root 'tools/Emulator.ps1')
        $configuration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
        $script:emulator = Start-PhraseTmsEmulator -Configuration $configuration
        $script:module = Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1') -Force -PassThru
        $password = ConvertTo-SecureString $emulator.Password -AsPlainText -Force
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential ([pscredential]::new($emulator.UserName, $password))
    }

    AfterAll {
        if ($PSEdition -ne 'Desktop') { return }
        Disconnect-PhraseTms -ErrorAction SilentlyContinue
        Remove-Module PhraseTms -ErrorAction SilentlyContinue
        if ($script:emulator) { Stop-PhraseTmsEmulator $script:emulator }
    }

    It 'imports the desktop build and exports exactly the cmdlets of the manifest' -Skip:($PSEdition -ne 'Desktop') {
        $binary = @($module.NestedModules | Where-Object { $_.Path -like '*.dll' })
        $binary.Count | Should -Be 1
        $binary[0].Path | Should -Be (Join-Path $module.ModuleBase 'desktop\PhraseTms.dll')
        $manifest = Import-PowerShellDataFile (Join-Path $module.ModuleBase 'PhraseTms.psd1')
        ($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $protocols = [Net.ServicePointManager]::SecurityProtocol
        ($protocols -eq 0 -or ($protocols -band [Net.SecurityProtocolType]::Tls12)) | Should -BeTrue -Because 'Phrase TMS requires TLS 1.2'
    }

    It 'finds the cmdlet help next to the desktop build (desktop\en-US)' -Skip:($PSEdition -ne 'Desktop') {
        $help = Get-Help Get-ConnectorAsyncTask -Full
        $help.Synopsis | Should -Not -BeLike 'Get-ConnectorAsyncTask *'   # without a help file, the synopsis is the syntax
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'runs the README example of Get-ConnectorAsyncTask' -Skip:($PSEdition -ne 'Desktop') {
        $failed = @(Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -TaskType DOWNLOAD -DateCreatedFrom (Get-Date).AddDays(-7) |
            Where-Object Status -eq 'ERROR' | Select-Object Id, JobFileName, TargetLang, ErrorMessage)
        $failed.Count | Should -BeGreaterThan 0
        @($failed | Where-Object { -not $_.ErrorMessage }).Count | Should -Be 0
    }

    It 'emits typed objects and pages with -First, -Skip and -IncludeTotalCount' -Skip:($PSEdition -ne 'Desktop') {
        $task = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 1
        $task | Should -BeOfType ([PhraseTms.Client.Connectors.ConnectorAsyncTask])
        $task.DateCreated | Should -BeOfType ([DateTimeOffset])
        $all = Get-ConnectorAsyncTask -ProjectUid 'partial0001'
        $all.Count | Should -Be 2345
        $page = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -Skip 1500 -First 600
        $page.Count | Should -Be 600
        $page[0].Id | Should -Be $all[1500].Id
        (Get-ConnectorAsyncTask -ProjectUid 'partial0001' -First 2 -IncludeTotalCount)[0].ToString() | Should -Match '2345'
    }

    It 'writes the same errors: bad input before any request, ObjectNotFound for an unknown project' -Skip:($PSEdition -ne 'Desktop') {
        Get-ConnectorAsyncTask -ProjectUid '../admin' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidIdentifier,PhraseTms.Cmdlets.ConnectorAsyncTask.GetConnectorAsyncTaskCommand'
        $tasks = 'noSuchProject', 'onePage0001' | ForEach-Object { [pscustomobject]@{ ProjectUid = $_ } } |
            Get-ConnectorAsyncTask -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'noSuchProject'
        $tasks.Count | Should -Be 1000
    }

    It 'waits with TimeProvider timers and times out with OperationTimeout' -Skip:($PSEdition -ne 'Desktop') {
        (Wait-PhraseTmsAsyncRequest -Id 9000001 -TimeoutSec 60).State | Should -Be 'Succeeded'
        $err = $null
        try { Wait-PhraseTmsAsyncRequest -Id 9000004 -TimeoutSec 2 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'OperationTimeout,PhraseTms.Cmdlets.AsyncRequest.WaitPhraseTmsAsyncRequestCommand'
    }

    It 'loaded the dependencies from desktop\Dependencies through its resolver' -Skip:($PSEdition -ne 'Desktop') {
        $dependencies = Join-Path $module.ModuleBase 'desktop\Dependencies'
        $shipped = Get-ChildItem $dependencies -Filter '*.dll' | ForEach-Object { $_.BaseName }
        $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic -and $shipped -contains $_.GetName().Name })
        $names = $loaded | ForEach-Object { $_.GetName().Name }
        foreach ($name in 'RestSharp', 'Newtonsoft.Json', 'Microsoft.Bcl.AsyncInterfaces', 'Microsoft.Bcl.TimeProvider') {
            @($names | Where-Object { $_ -eq $name }).Count | Should -Be 1 -Because "$name is loaded exactly once"
        }
        foreach ($name in 'RestSharp', 'Newtonsoft.Json') {
            $assembly = $loaded | Where-Object { $_.GetName().Name -eq $name }
            Split-Path -Parent $assembly.Location | Should -Be $dependencies
        }
        # Other shipped assemblies come from there too, unless the machine's GAC holds the exact version asked for.
        foreach ($assembly in $loaded | Where-Object { -not $_.GlobalAssemblyCache }) {
            Split-Path -Parent $assembly.Location | Should -Be $dependencies -Because $assembly.FullName
        }
    }
}

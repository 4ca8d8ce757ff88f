#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as a user meets it: imported from out/PhraseTms, run against the local emulator.
# Run with: ./build.ps1 -Task Pester   (or Invoke-Pester ./tests/PhraseTms.Tests.ps1 after a build)

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    . (Join-Path $root 'tools/Emulator.ps1')
    $configuration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
    $script:emulator = Start-PhraseTmsEmulator -Configuration $configuration
    Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1') -Force
    $script:credential = [pscredential]::new($emulator.UserName, (ConvertTo-SecureString $emulator.Password -AsPlainText -Force))
}

AfterAll {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Remove-Module PhraseTms -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-PhraseTmsEmulator $script:emulator }
}

Describe 'Module' {
    It 'exports exactly the cmdlets of its manifest' {
        $manifest = Import-PowerShellDataFile (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/PhraseTms/PhraseTms.psd1')
        $exported = (Get-Module PhraseTms).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Connect-PhraseTms' {
    AfterEach { Disconnect-PhraseTms }

    It 'logs in with a credential and shows the session without its token' {
        $session = Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential -PassThru
        $session.UserName | Should -Be 'demo'
        $session.AuthenticationMode | Should -Be 'Login'
        (Get-PhraseTmsSession).BaseUri | Should -Be $session.BaseUri
        ($session | Format-List | Out-String) | Should -Not -Match 'token-|demo-password'
    }

    It 'connects with a token' {
        $token = ConvertTo-SecureString $emulator.ApiToken -AsPlainText -Force
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token
        (Get-PhraseTmsSession).AuthenticationMode | Should -Be 'ApiToken'
    }

    It 'connects from PHRASETMS_* environment variables' {
        try {
            $env:PHRASETMS_TOKEN = $emulator.ApiToken
            $env:PHRASETMS_BASE_URI = $emulator.BaseUri
            Connect-PhraseTms
            (Get-PhraseTmsSession).UserName | Should -Be 'demo'
        }
        finally {
            Remove-Item Env:PHRASETMS_TOKEN, Env:PHRASETMS_BASE_URI -ErrorAction SilentlyContinue
        }
    }

    It 'refuses a wrong password with an authentication error and keeps no session' {
        $bad = [pscredential]::new('demo', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
        { Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthInvalidCredentials,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand'
        Get-PhraseTmsSession | Should -BeNullOrEmpty
    }

    It 'refuses plain http to a remote host before sending anything' {
        $err = $null
        try { Connect-PhraseTms -BaseUri 'http://cloud.memsource.com/web' -Credential $credential -ErrorAction Stop }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InsecureBaseUri,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-ConnectorAsyncTask' {
    BeforeAll { Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential }
    AfterAll { Disconnect-PhraseTms }

    It 'runs the README example across pages and returns typed, selectable objects' {
        $rows = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -TaskType DOWNLOAD -DateCreatedFrom (Get-Date).AddDays(-7) |
            Where-Object Status -eq 'ERROR' |
            Select-Object Id, JobFileName, TargetLang, ErrorMessage
        $rows | Should -Not -BeNullOrEmpty
        $rows | ForEach-Object { $_.ErrorMessage | Should -Not -BeNullOrEmpty }
        ($rows | Select-Object -ExpandProperty Id -Unique).Count | Should -Be $rows.Count
    }

    It 'emits PhraseTms.Client.Connectors.ConnectorAsyncTask objects carrying their project' {
        $task = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 1
        $task | Should -BeOfType ([PhraseTms.Client.Connectors.ConnectorAsyncTask])
        $task.ProjectUid | Should -Be 'aBcD123'
        $task.DateCreated | Should -BeOfType ([DateTimeOffset])
    }

    It 'implements -First, -Skip and -IncludeTotalCount' {
        $all = Get-ConnectorAsyncTask -ProjectUid 'partial0001'
        $all.Count | Should -Be 2345
        $page = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -Skip 1500 -First 600
        $page.Count | Should -Be 600
        $page[0].Id | Should -Be $all[1500].Id
        $withTotal = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -First 2 -IncludeTotalCount
        $withTotal[0].ToString() | Should -Match '2345'
    }

    It 'reads pages ahead in order, and asks for no page past -First or after the pipeline stops' {
        $admin = $emulator.BaseUri -replace '/web$', '/_emulator'
        function Get-PageRequested {
            $journal = Invoke-RestMethod -Uri "$admin/requests"
            $journal | Where-Object { $_.path -like '*/connectorAsyncTasks' -and $_.query -match 'projectUid=partial0001' } |
                ForEach-Object { [int]($_.query -replace '^.*pageNumber=(\d+).*$', '$1') } | Sort-Object
        }

        $sequential = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -PageSize 100
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential -PrefetchPages 4
        try {
            $ahead = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -PageSize 100
            ($ahead.Id -join ',') | Should -Be ($sequential.Id -join ',')

            Invoke-RestMethod -Method Delete -Uri "$admin/requests"
            (Get-ConnectorAsyncTask -ProjectUid 'partial0001' -PageSize 100 -First 250).Count | Should -Be 250
            Get-PageRequested | Should -Be @(0, 1, 2)

            Invoke-RestMethod -Method Delete -Uri "$admin/requests"
            (Get-ConnectorAsyncTask -ProjectUid 'partial0001' -PageSize 100 | Select-Object -First 150).Count | Should -Be 150
            Start-Sleep -Milliseconds 300
            (Get-PageRequested | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 4
        }
        finally {
            Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential
        }
    }

    It 'binds ProjectUid by property name from the pipeline' {
        $tasks = [pscustomobject]@{ ProjectUid = 'onePage0001' } | Get-ConnectorAsyncTask
        $tasks.Count | Should -Be 1000
    }

    It 'rejects a page size outside 1..1000 before any request' {
        { Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -PageSize 1001 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'rejects a hostile project UID with InvalidArgument' {
        Get-ConnectorAsyncTask -ProjectUid '../admin' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidIdentifier,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be '../admin'
    }

    It 'writes a non-terminating ObjectNotFound error for an unknown project and goes on' {
        $tasks = 'noSuchProject', 'onePage0001' | ForEach-Object { [pscustomobject]@{ ProjectUid = $_ } } |
            Get-ConnectorAsyncTask -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'noSuchProject'
        $tasks.Count | Should -Be 1000
    }
}

Describe 'Without a session' {
    It 'fails with NotConnected, an AuthenticationError' {
        Disconnect-PhraseTms
        { Get-ConnectorAsyncTask -ProjectUid 'aBcD123' } | Should -Throw -ErrorId 'NotConnected,*'
    }
}

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
    # A child PowerShell of this install, found as the recipe's users find it (not $PID's path: under the .NET tool
    # that is the dotnet host).
    $script:childPowerShell = & (Join-Path $root 'examples/Get-ChildPowerShell.ps1')
    function Invoke-ChildPowerShell([string] $Command) {
        & $childPowerShell.FilePath @($childPowerShell.ArgumentList) -NoProfile -NonInteractive -Command $Command 2>&1
    }
}

AfterAll {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Remove-Module PhraseTms -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-PhraseTmsEmulator $script:emulator }
}

Describe 'Module' {
    It 'exports exactly the cmdlets of its manifest' {
        $manifest = Import-PowerShellDataFile (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/PhraseTms/PhraseTms.psd1')
        # The root module (the psm1); its nested binary module carries the same name.
        $exported = (Get-Module PhraseTms | Where-Object ModuleType -EQ 'Script').ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'runs the .NET 8 build from the module root, imported by PhraseTms.psm1' {
        $module = Get-Module PhraseTms | Where-Object ModuleType -EQ 'Script'
        $binary = @($module.NestedModules | Where-Object { $_.Path -like '*.dll' })
        $binary.Count | Should -Be 1
        $binary[0].Path | Should -Be (Join-Path $module.ModuleBase 'PhraseTms.dll')
        [PhraseTms.Client.Connectors.ConnectorAsyncTask].Assembly.Location | Should -Be (Join-Path $module.ModuleBase 'PhraseTms.Client.dll')
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

Describe 'New-JobFromConnectorTask' {
    BeforeAll {
        # Its own emulator: created async requests finish at the first poll, so -Wait over many tasks stays quick.
        $jobConfiguration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
        $script:jobEmu = Start-PhraseTmsEmulator -Configuration $jobConfiguration -ArgumentList '--async-polls', '0'
        $script:adminUri = $jobEmu.BaseUri -replace '/web/?$', '/_emulator'
        Connect-PhraseTms -BaseUri $jobEmu.BaseUri -Token (ConvertTo-SecureString $jobEmu.ApiToken -AsPlainText -Force)
        $script:cmd = 'PhraseTms.Cmdlets.Job.NewJobFromConnectorTaskCommand'
        function script:Get-EmulatorPost {
            $all = Invoke-RestMethod -Uri "$adminUri/requests"
            @($all | Where-Object { $_.method -eq 'POST' })
        }
    }
    AfterAll {
        Disconnect-PhraseTms
        if ($script:jobEmu) { Stop-PhraseTmsEmulator $script:jobEmu }
    }

    It 'runs the README pipeline: every successful download task of the last day becomes de and fr jobs, waited for' {
        $p = 'pRoJ456'
        $since = (Get-Date).AddDays(-1)   # fixed, so both listings see the same window
        $tasks = @(Get-ConnectorAsyncTask -ProjectUid $p -TaskType DOWNLOAD -DateCreatedFrom $since | Where-Object Status -eq 'SUCCESS')
        $tasks.Count | Should -BeGreaterThan 5
        $postsBefore = (Get-EmulatorPost).Count

        $results = @(Get-ConnectorAsyncTask -ProjectUid $p -TaskType DOWNLOAD -DateCreatedFrom $since |
            Where-Object Status -eq 'SUCCESS' |
            New-JobFromConnectorTask -TargetLang de, fr -PreTranslate -Wait -TimeoutSec 600)

        $results.Count | Should -Be $tasks.Count
        ($results.DownloadTaskId | Sort-Object) | Should -Be ($tasks.Id | Sort-Object)
        foreach ($r in $results) {
            $r | Should -BeOfType ([PhraseTms.Client.Jobs.JobCreateResult])
            $r.ProjectUid | Should -Be $p
            $r.AsyncRequest.State | Should -Be 'Succeeded'
            $r.Jobs.TargetLang | Should -Be @('de', 'fr')
            $r.Jobs[0] | Should -BeOfType ([PhraseTms.Client.Jobs.JobPart])
            $r.Jobs[0].Status | Should -Be 'NEW'
        }
        $posts = @(Get-EmulatorPost | Select-Object -Skip $postsBefore)
        $posts.Count | Should -Be $tasks.Count
        foreach ($post in $posts) {
            $body = $post.body | ConvertFrom-Json
            $body.targetLangs | Should -Be @('de', 'fr')
            $body.preTranslate | Should -BeTrue
        }
    }

    It '-WhatIf sends nothing and writes nothing' {
        $postsBefore = (Get-EmulatorPost).Count
        $out = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -TaskType DOWNLOAD |
            Where-Object Status -eq 'SUCCESS' |
            New-JobFromConnectorTask -TargetLang de, fr -PreTranslate -Wait -TimeoutSec 600 -WhatIf
        $out | Should -BeNullOrEmpty
        (Get-EmulatorPost).Count | Should -Be $postsBefore
    }

    It '-WhatIf says which project, download task and languages' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        try {
            [pscustomobject]@{ ProjectUid = 'aBcD123'; Id = '100000001' } | New-JobFromConnectorTask -TargetLang de, fr -WhatIf
        }
        finally {
            Stop-Transcript | Out-Null
        }
        # Joined without line breaks, in case the host wrapped the line.
        (Get-Content $transcript -Raw) -replace '\r?\n', '' |
            Should -Match 'What if: .*"Create jobs in de, fr" on target "download task 100000001 of project aBcD123"'
    }

    It 'writes a warning naming each unsupported file' {
        $unsupported = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -TaskType DOWNLOAD |
            Where-Object { $_.Status -eq 'SUCCESS' -and $_.JobFileName -match '\.(exe|bin)$' }
        $results = @($unsupported | New-JobFromConnectorTask -TargetLang de -WarningVariable warnings -WarningAction SilentlyContinue)
        $results.Count | Should -Be 2
        $results | ForEach-Object { $_.Jobs.Count | Should -Be 0 }
        $warnings.Count | Should -Be 2
        ($warnings.Message -join "`n") | Should -Match "'downloads/installer\.exe' is not supported"
        ($warnings.Message -join "`n") | Should -Match "'firmware/update\.bin' is not supported"
    }

    It 'takes nested settings as hashtables and sends them with the API names' {
        $result = New-JobFromConnectorTask -ProjectUid 'aBcD123' -DownloadTaskId '100000001' -TargetLang de -Path 'web/en' `
            -Assignment @{ TargetLang = 'de'; Providers = @{ Type = 'VENDOR'; Id = '12' }; AssignedUsers = 5 } `
            -NotifyProvider @{ OrganizationEmailTemplate = 'tmpl1'; NotificationIntervalInMinutes = 30 }
        $result.Jobs[0].Providers[0].Type | Should -Be 'VENDOR'
        $body = (Get-EmulatorPost)[-1].body | ConvertFrom-Json
        $body.path | Should -Be 'web/en'
        $body.assignments[0].providers[0].type | Should -Be 'VENDOR'
        $body.assignments[0].providers[0].id | Should -Be '12'
        $body.assignments[0].assignedUsers[0].id | Should -Be 5
        $body.notifyProvider.organizationEmailTemplate.id | Should -Be 'tmpl1'
        $body.notifyProvider.notificationIntervalInMinutes | Should -Be 30
    }

    It 'refuses an unknown hashtable key at binding, naming it and the allowed keys' {
        { New-JobFromConnectorTask -ProjectUid 'aBcD123' -DownloadTaskId '100000001' -TargetLang de -Assignment @{ Lang = 'de' } } |
            Should -Throw -ErrorId "ParameterArgumentTransformationError,$cmd" -ExpectedMessage "*unknown key 'Lang'*TargetLang, Providers, AssignedUsers*"
    }

    It 'refuses a path longer than 255 characters before any request' {
        $postsBefore = (Get-EmulatorPost).Count
        New-JobFromConnectorTask -ProjectUid 'aBcD123' -DownloadTaskId '100000001' -TargetLang de -Path ('p' * 256) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "PathTooLong,$cmd"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-EmulatorPost).Count | Should -Be $postsBefore
    }

    It 'writes the result and then an error carrying the details when the import fails' {
        $result = New-JobFromConnectorTask -ProjectUid 'aBcD123' -DownloadTaskId '100000001' -TargetLang de, fail -Wait `
            -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $result.AsyncRequest.State | Should -Be 'Failed'
        $result.Jobs.Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "JobImportFailed,$cmd"
        $err[0].Exception.ErrorDetails[0].Code | Should -Be 'IMPORT_FAILED'
        $err[0].Exception.Message | Should -Be $result.AsyncRequest.AsyncResponse.ErrorDesc
        ($warnings.Message -join "`n") | Should -Match 'PARTIAL_IMPORT'
    }

    It 'writes a non-terminating error for a task of another project and goes on' {
        $inputs = @(
            [pscustomobject]@{ ProjectUid = 'aBcD123'; Id = '200000001' }
            [pscustomobject]@{ ProjectUid = 'aBcD123'; Id = '100000001' }
        )
        $results = @($inputs | New-JobFromConnectorTask -TargetLang de -ErrorVariable err -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "JobCreateError,$cmd"
        $err[0].TargetObject | Should -Be '200000001'
    }
}

Describe 'Get-PhraseTmsAsyncRequest and Wait-PhraseTmsAsyncRequest' {
    BeforeAll {
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential
        $script:waitCmd = 'PhraseTms.Cmdlets.AsyncRequest.WaitPhraseTmsAsyncRequestCommand'
    }
    AfterAll { Disconnect-PhraseTms }

    It 'reads a request as it is now, keeping undocumented actions as text' {
        $r = Get-PhraseTmsAsyncRequest -Id 9000001, 9000005
        $r[0] | Should -BeOfType ([PhraseTms.Client.AsyncRequests.AsyncRequest])
        $r[0].State | Should -Be 'Succeeded'
        $r[0].Action | Should -Be 'IMPORT_JOB'
        $r[1].Action | Should -BeNullOrEmpty
        $r[1].ActionText | Should -Be 'FILE_FLOW_FUTURE_ACTION'
    }

    It 'waits for the import of created jobs piped by AsyncRequestId' {
        $created = New-JobFromConnectorTask -ProjectUid 'aBcD123' -DownloadTaskId '100000001' -TargetLang de
        $created.AsyncRequest.State | Should -Be 'Running'
        $done = $created | Wait-PhraseTmsAsyncRequest -TimeoutSec 60
        $done.Id | Should -Be $created.AsyncRequestId
        $done.State | Should -Be 'Succeeded'
    }

    It 'turns the warnings of finished requests into warnings' {
        $done = '9000001', '9000003' | Wait-PhraseTmsAsyncRequest -WarningVariable warnings -WarningAction SilentlyContinue
        $done.Count | Should -Be 2
        $warnings.Count | Should -Be 2
        ($warnings.Message -join "`n") | Should -Match 'MT_UNAVAILABLE'
    }

    It 'writes a failed request as an error whose ErrorId is its errorCode' {
        $done = Wait-PhraseTmsAsyncRequest -Id 9000002, 9000001 -ErrorVariable err -ErrorAction SilentlyContinue
        @($done).Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "ImportFailed,$waitCmd"
        $err[0].Exception.Message | Should -Be 'Import of file website/en/about.html failed'
        $err[0].TargetObject | Should -Be '9000002'

        # Read without -Wait, a failed request is data; with -Wait, Get- behaves as Wait-.
        (Get-PhraseTmsAsyncRequest -Id 9000002 -ErrorAction Stop).State | Should -Be 'Failed'
        Get-PhraseTmsAsyncRequest -Id 9000002 -Wait -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -Be 'ImportFailed,PhraseTms.Cmdlets.AsyncRequest.GetPhraseTmsAsyncRequestCommand'
    }

    It 'stops with a terminating OperationTimeout error naming the request' {
        $err = $null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        try { Wait-PhraseTmsAsyncRequest -Id 9000004 -TimeoutSec 2 }
        catch { $err = $_ }
        $watch.Stop()
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "OperationTimeout,$waitCmd"
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err.Exception.Message | Should -Match '9000004'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'refuses a TimeoutSec below 1 and a malformed id' {
        { Wait-PhraseTmsAsyncRequest -Id 9000001 -TimeoutSec 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-PhraseTmsAsyncRequest -Id '../auth' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidIdentifier,*'
    }
}

Describe 'Get-TmLastBackgroundTask and Get-TbLastBackgroundTask' {
    BeforeAll {
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential
        $script:tmCmd = 'PhraseTms.Cmdlets.BackgroundTask.GetTmLastBackgroundTaskCommand'
    }
    AfterAll { Disconnect-PhraseTms }

    It 'runs the README example: TM UIDs from the pipeline, shown as a table' {
        $tasks = 'tmOk000001', 'tmErr00002' | Get-TmLastBackgroundTask
        $tasks.Count | Should -Be 2
        $tasks[0] | Should -BeOfType ([PhraseTms.Client.BackgroundTasks.TransMemoryBackgroundTask])
        $tasks[0].TransMemoryUid | Should -Be 'tmOk000001'
        $tasks[0].Status | Should -Be 'OK'
        $tasks[0].LastTaskOk | Should -BeTrue
        $tasks[0].Metadata.SegmentsCount | Should -BeGreaterThan 0
        $tasks[0].Metadata.SegmentsCountByLanguage['de'] | Should -BeGreaterThan 0
        $tasks[1].Status | Should -Be 'ERROR'
        $tasks[1].LastTaskError | Should -Not -BeNullOrEmpty
        $table = 'tmOk000001', 'tmErr00002' | Get-TmLastBackgroundTask | Format-Table | Out-String
        $table | Should -Match 'tmOk000001'
        $table | Should -Match 'tmErr00002'
    }

    It 'waits until a running import has finished' {
        (Get-TmLastBackgroundTask -TransMemoryUid tmRun00003).Status | Should -Be 'RUNNING'
        $done = Get-TmLastBackgroundTask -TransMemoryUid tmRun00003 -Wait -TimeoutSec 60
        $done.Status | Should -Be 'OK'
        $done.AsyncRequest.State | Should -Be 'Succeeded'
    }

    It 'shows a TM that never ran a task with a null status, and -Wait returns it as it is' {
        $never = Get-TmLastBackgroundTask -TransMemoryUid tmNever004 -Wait
        $never.HasRun | Should -BeFalse
        $never.Status | Should -BeNullOrEmpty
        $never.AsyncRequest | Should -BeNullOrEmpty
    }

    It 'with -Wait writes a failed task and then its error' {
        $task = Get-TmLastBackgroundTask -TransMemoryUid tmErr00002 -Wait -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $task.Status | Should -Be 'ERROR'
        $err[0].FullyQualifiedErrorId | Should -Be "TmImportFailed,$tmCmd"
    }

    It 'writes a non-terminating ObjectNotFound error for a missing TM and goes on' {
        $tasks = @('tmOk000001', 'noSuchTm01', 'tmErr00002' | Get-TmLastBackgroundTask -ErrorVariable err -ErrorAction SilentlyContinue)
        $tasks.Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'noSuchTm01'
    }

    It 'binds UIDs by property name (Uid alias and TransMemoryUid)' {
        ([pscustomobject]@{ Uid = 'tmOk000001' } | Get-TmLastBackgroundTask).TransMemoryUid | Should -Be 'tmOk000001'
        (Get-TmLastBackgroundTask tmOk000001 | Get-TmLastBackgroundTask).TransMemoryUid | Should -Be 'tmOk000001'
    }

    It 'reads term bases the same way' {
        $tb = 'tbOk000001' | Get-TbLastBackgroundTask
        $tb | Should -BeOfType ([PhraseTms.Client.BackgroundTasks.TermBaseBackgroundTask])
        $tb.TermBaseUid | Should -Be 'tbOk000001'
        $tb.Status | Should -Be 'OK'
    }
}

Describe 'Secret hygiene' {
    It 'shows no password or token in any stream, even with -Verbose and -Debug' {
        $output = & {
            Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential -Verbose -Debug
            Get-ConnectorAsyncTask -ProjectUid 'partial0001' -First 1500 -Verbose -Debug | Out-Null
            Get-ConnectorAsyncTask -ProjectUid 'noSuchProject' -Verbose -Debug -ErrorAction SilentlyContinue
            Get-PhraseTmsSession | Format-List | Out-String
            $bad = [pscredential]::new('demo', (ConvertTo-SecureString 'wrong-password-0815' -AsPlainText -Force))
            try { Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $bad -Verbose -Debug -ErrorAction Stop } catch { $_ | Out-String }
        } *>&1 | Out-String
        $output | Should -Match 'VERBOSE|GET /api2'
        $output | Should -Not -Match ([regex]::Escape($emulator.Password))
        $output | Should -Not -Match 'wrong-password-0815'
        $output | Should -Not -Match 'ApiToken [A-Za-z0-9]'
        $output | Should -Not -Match 'Authorization'
        Disconnect-PhraseTms
    }
}

Describe 'Format views and type names' {
    BeforeAll { Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential }
    AfterAll { Disconnect-PhraseTms }

    It 'puts PhraseTms.ConnectorAsyncTask first in PSTypeNames and shows the default table' {
        $tasks = Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 3
        $tasks[0].PSObject.TypeNames[0] | Should -Be 'PhraseTms.ConnectorAsyncTask'
        $tasks[0] | Should -BeOfType ([PhraseTms.Client.Connectors.ConnectorAsyncTask])
        $text = $tasks | Format-Table -DisplayError | Out-String -Width 250
        $text | Should -Match 'DateCreated\s+Status\s+TaskType\s+TargetLang\s+JobFileName\s+ErrorMessage'
        $text | Should -Not -Match '#ERR'
        $text | Should -Not -Match 'ProjectName'
        (Get-FormatData -TypeName 'PhraseTms.ConnectorAsyncTask').FormatViewDefinition[0].Control |
            Should -BeOfType ([System.Management.Automation.TableControl])
    }

    It 'shows the session as a table by default and as a list, never with a secret' {
        $session = Get-PhraseTmsSession
        $session.PSObject.TypeNames[0] | Should -Be 'PhraseTms.Session'
        $table = $session | Format-Table -DisplayError | Out-String -Width 250
        $table | Should -Match 'UserName\s+BaseUri\s+AuthenticationMode\s+TokenExpires'
        $list = $session | Format-List -DisplayError | Out-String -Width 250
        $list | Should -Match 'UserUid'
        "$table$list" | Should -Not -Match '#ERR|demo-password|demo-api-token|Authorization'
    }

    It 'lets a script function ask for the type name' {
        function Get-TaskFile { param([Parameter(ValueFromPipeline)][PSTypeName('PhraseTms.ConnectorAsyncTask')] $Task) process { $Task.JobFileName } }
        Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 2 | Get-TaskFile | Should -HaveCount 2
        { Get-TaskFile -Task ([pscustomobject]@{ JobFileName = 'x' }) } | Should -Throw
    }
}

Describe 'Help' {
    BeforeDiscovery {
        $helpCmdlets = (Import-PowerShellDataFile (Join-Path (Split-Path -Parent $PSScriptRoot) 'PhraseTms.psd1')).CmdletsToExport
    }

    It '<_> has a synopsis, a description, text for every parameter and at least two examples' -ForEach $helpCmdlets {
        $name = $_
        $help = Get-Help $name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$name *"   # without a help file, the synopsis is the generated syntax
        ($help.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        @($help.examples.example)[0].code | Should -Match $name
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'
        foreach ($parameter in (Get-Command $name).Parameters.Values | Where-Object Name -NotIn $common) {
            $entry = @($help.parameters.parameter) | Where-Object name -EQ $parameter.Name
            (($entry.description | ForEach-Object Text) -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $name needs help"
        }
    }

    It 'shows the examples with Get-Help -Examples' {
        $text = Get-Help Get-ConnectorAsyncTask -Examples | Out-String -Width 250
        $text | Should -Match 'Example 1'
        $text | Should -Match 'Where-Object Status -eq .ERROR.'
    }

    It 'finds about_PhraseTms' {
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $saved
            $about = Get-Help about_PhraseTms | Out-String
            $about | Should -Match 'about_PhraseTms'
            $about | Should -Match 'Connect-PhraseTms -Token \(Get-Secret PhraseTms\)'
        }
        finally {
            $env:PSModulePath = $saved
        }
    }
}

Describe 'Tab completion' {
    It 'completes <Line>' -ForEach @(
        @{ Line = 'Connect-PhraseTms -DataCenter '; Expected = @('EU', 'US') }
        @{ Line = 'Connect-PhraseTms -TokenType B'; Expected = @('Bearer') }
        @{ Line = 'Get-ConnectorAsyncTask -TaskType DOW'; Expected = @('DOWNLOAD') }
        @{ Line = 'Get-ConnectorAsyncTask -TaskProcessingType G'; Expected = @('GUI') }
        @{ Line = 'Invoke-PhraseTmsRequest -Method P'; Expected = @('PATCH', 'POST', 'PUT') }
    ) {
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        @($result.CompletionMatches.CompletionText | Sort-Object) | Should -Be @($Expected | Sort-Object)
    }

    It 'completes language codes by code and by name' {
        $completer = [PhraseTms.Infrastructure.LanguageCodeCompleter]::new()
        $byCode = @($completer.CompleteArgument('New-JobFromConnectorTask', 'TargetLang', 'de_', $null, @{}))
        $byCode.CompletionText | Should -Be @('de_at', 'de_ch', 'de_de')
        $byCode[0].ToolTip | Should -Be 'German (Austria)'
        $byCode[0].ResultType | Should -Be 'ParameterValue'
        @($completer.CompleteArgument('New-JobFromConnectorTask', 'TargetLang', 'japan', $null, @{})).CompletionText | Should -Be @('ja')
    }

    It 'completes -TargetLang on every cmdlet that has it' {
        $commands = @(Get-Command -Module PhraseTms | Where-Object { $_.Parameters.ContainsKey('TargetLang') })
        if ($commands.Count -eq 0) {
            Set-ItResult -Skipped -Because 'no cmdlet of this build has -TargetLang'
            return
        }
        foreach ($command in $commands) {
            $line = "$($command.Name) -TargetLang fr_"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'fr_fr'
        }
    }
}

Describe 'Invoke-PhraseTmsRequest' {
    BeforeAll {
        # Its own emulator: these tests create jobs and read the request journal.
        $script:own = Start-PhraseTmsEmulator -Configuration $configuration
        $script:admin = $own.BaseUri -replace '/web$', ''
        $script:ownToken = ConvertTo-SecureString $own.ApiToken -AsPlainText -Force
        Connect-PhraseTms -BaseUri $own.BaseUri -Token $ownToken
        function Get-Sent([string] $Method, [string] $PathLike) {
            @(Invoke-RestMethod "$admin/_emulator/requests") | ForEach-Object { $_ } | Where-Object { $_.method -eq $Method -and $_.path -like $PathLike }
        }
    }
    AfterAll {
        Disconnect-PhraseTms
        if ($script:own) { Stop-PhraseTmsEmulator $script:own }
    }

    It 'writes a GET answer as PSCustomObjects, dates as the API sent them' {
        $page = Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = 'onePage0001'; pageSize = 5 }
        $page | Should -BeOfType ([System.Management.Automation.PSCustomObject])
        $page.totalElements | Should -Be 1000
        @($page.content).Count | Should -Be 5
        $page.content[0].dateCreated | Should -Match '^\d{4}-\d\d-\d\dT.*\+0000$'
    }

    It 'pages with -All and streams the items; -First and -Skip shape the requests' {
        $all = @(Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = 'partial0001' } -All -PageSize 1000)
        $all.Count | Should -Be 2345
        @($all.id | Select-Object -Unique).Count | Should -Be 2345
        $some = @(Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = 'partial0001' } -PageSize 1000 -Skip 1500 -First 600)
        $some.Count | Should -Be 600
        $some[0].id | Should -Be $all[1500].id
    }

    It 'writes JSON text with -Raw' {
        $json = Invoke-PhraseTmsRequest GET /api2/v1/auth/whoAmI -Raw
        $json | Should -BeOfType ([string])
        ($json | ConvertFrom-Json).user.userName | Should -Be 'demo'
    }

    It 'sends a hashtable body with POST and writes the answer' {
        $answer = Invoke-PhraseTmsRequest POST /api2/v1/projects/aBcD123/jobs/connectorTask `
            -Query @{ downloadTaskId = '100000001'; continuous = $false } -Body @{ targetLangs = @('de', 'fr_fr') }
        @($answer.jobs.targetLang) | Should -Be @('de', 'fr_fr')
        $answer.asyncRequest.action | Should -Be 'IMPORT_JOB'
        $sent = @(Get-Sent POST '*/jobs/connectorTask')
        $sent.Count | Should -Be 1
        ($sent[0].body | ConvertFrom-Json).targetLangs | Should -Be @('de', 'fr_fr')
    }

    It 'takes the body from the pipeline, one request per object' {
        $before = @(Get-Sent POST '*/jobs/connectorTask').Count
        @{ targetLangs = @('it') }, [pscustomobject]@{ targetLangs = @('es') } |
            Invoke-PhraseTmsRequest POST /api2/v1/projects/aBcD123/jobs/connectorTask -Query @{ downloadTaskId = '100000001' } |
            Should -HaveCount 2
        $sent = @(Get-Sent POST '*/jobs/connectorTask') | Select-Object -Skip $before
        ($sent | ForEach-Object { ($_.body | ConvertFrom-Json).targetLangs }) | Should -Be @('it', 'es')
    }

    It 'prints what it would do with -WhatIf and sends nothing' {
        $module = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
        $command = "Import-Module '$module'; Connect-PhraseTms -BaseUri '$($own.BaseUri)' -Token (ConvertTo-SecureString '$($own.ApiToken)' -AsPlainText -Force); " +
            "Invoke-PhraseTmsRequest DELETE /api2/v1/projects/aBcD123 -WhatIf; Invoke-PhraseTmsRequest POST /api2/v1/projects/aBcD123/jobs/connectorTask -Body '{}' -WhatIf"
        $posts = @(Get-Sent POST '*/jobs/connectorTask').Count
        $text = Invoke-ChildPowerShell $command | Out-String
        $text | Should -Match 'What if: Performing the operation "DELETE" on target "/api2/v1/projects/aBcD123"'
        $text | Should -Match 'What if: Performing the operation "POST" on target "/api2/v1/projects/aBcD123/jobs/connectorTask"'
        @(Get-Sent DELETE '*').Count | Should -Be 0
        @(Get-Sent POST '*/jobs/connectorTask').Count | Should -Be $posts
    }

    It 'sends a GET even with -WhatIf (it changes nothing)' {
        (Invoke-PhraseTmsRequest GET /api2/v1/auth/whoAmI -WhatIf).user.userName | Should -Be 'demo'
    }

    It 'refuses a path outside the API before sending anything' {
        $before = @(Invoke-RestMethod "$admin/_emulator/requests" | ForEach-Object { $_ }).Count
        Invoke-PhraseTmsRequest GET 'https://evil.example.com/api2/v1/projects' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidPath,PhraseTms.Cmdlets.Request.InvokePhraseTmsRequestCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be 'https://evil.example.com/api2/v1/projects'
        @(Invoke-RestMethod "$admin/_emulator/requests" | ForEach-Object { $_ }).Count | Should -Be $before
    }

    It 'maps API errors like the typed cmdlets and stops with -ErrorAction Stop' {
        { Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = 'noSuchProject' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,PhraseTms.Cmdlets.Request.InvokePhraseTmsRequestCommand'
    }
}

Describe '-ErrorAction Stop' {
    BeforeAll { Connect-PhraseTms -BaseUri $emulator.BaseUri -Credential $credential }
    AfterAll { Disconnect-PhraseTms }

    It 'stops at the first failing input and throws its error record' {
        $seen = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try {
            'noSuchProject', 'onePage0001' | ForEach-Object { [pscustomobject]@{ ProjectUid = $_ } } |
                Get-ConnectorAsyncTask -ErrorAction Stop | ForEach-Object { $seen.Add($_) }
        }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,PhraseTms.Cmdlets.ConnectorAsyncTask.GetConnectorAsyncTaskCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.TargetObject | Should -Be 'noSuchProject'
        $seen.Count | Should -Be 0
    }
}

Describe 'Scheduled automation recipe (examples/Scheduled-ConnectorReport.ps1)' {
    BeforeAll {
        $script:recipe = Join-Path $root 'examples/Scheduled-ConnectorReport.ps1'
        $script:recipeModule = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
        # Runs the recipe in a child pwsh as a scheduler would, with these PHRASETMS_* variables; returns exit code and text.
        function Invoke-Recipe([hashtable] $Parameters, [hashtable] $Environment, [string] $Prelude = '') {
            $names = 'PHRASETMS_TOKEN', 'PHRASETMS_TOKEN_TYPE', 'PHRASETMS_PLATFORM_TOKEN', 'PHRASETMS_IDENTITY_URI', 'PHRASETMS_USERNAME', 'PHRASETMS_PASSWORD',
                'PHRASETMS_BASE_URI', 'PHRASETMS_DATACENTER', 'PHRASETMS_PROJECT_UID'
            $saved = @{}
            foreach ($n in $names) { $saved[$n] = [Environment]::GetEnvironmentVariable($n); [Environment]::SetEnvironmentVariable($n, $Environment[$n]) }
            try {
                $Parameters['ModulePath'] = $recipeModule
                $arguments = ($Parameters.GetEnumerator() | ForEach-Object { "-$($_.Key) '$(([string] $_.Value).Replace("'", "''"))'" }) -join ' '
                $command = "$Prelude & '$($recipe.Replace("'", "''"))' $arguments; exit `$LASTEXITCODE"
                $text = Invoke-ChildPowerShell $command | ForEach-Object { "$_" } | Out-String
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
            }
            finally {
                foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) }
            }
        }
        $script:tokenEnvironment = @{ PHRASETMS_TOKEN = $emulator.ApiToken; PHRASETMS_BASE_URI = $emulator.BaseUri }
    }

    It 'exits 0 when no task failed' {
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'emptyProj0' } -Environment $tokenEnvironment
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match '0 connector task\(s\) in project emptyProj0'
    }

    It 'exits 2 and writes the failed tasks to the CSV when some failed' {
        $csv = Join-Path $TestDrive 'failed.csv'
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'aBcD123'; OutFile = $csv } -Environment $tokenEnvironment
        $run.ExitCode | Should -Be 2 -Because $run.Text
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -BeGreaterThan 0
        $rows.StatusText | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn 'ERROR', 'CONVERTER_ERROR' }
        $rows.Id | Should -Contain '100000004'
        "$($run.Text)$(Get-Content $csv -Raw)" | Should -Not -Match $emulator.ApiToken
    }

    It 'exits 1 with the ErrorId on stderr when the project does not exist' {
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'noSuchProject' } -Environment $tokenEnvironment
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'Scheduled-ConnectorReport failed: ResourceNotFound,'
    }

    It 'exits 1 when the token is refused, without printing it' {
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'aBcD123' } -Environment @{ PHRASETMS_TOKEN = 'wrong-token-0000'; PHRASETMS_BASE_URI = $emulator.BaseUri }
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'AuthUnauthorized'
        $run.Text | Should -Not -Match 'wrong-token-0000'
    }

    It 'runs unattended with only a Phrase Platform token (PHRASETMS_PLATFORM_TOKEN), and a refused one exits 1 without printing it' {
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'emptyProj0' } -Environment @{ PHRASETMS_PLATFORM_TOKEN = $emulator.PlatformToken; PHRASETMS_BASE_URI = $emulator.BaseUri }
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Not -Match ([regex]::Escape($emulator.PlatformToken))
        $wrong = Invoke-Recipe -Parameters @{ ProjectUid = 'emptyProj0' } -Environment @{ PHRASETMS_PLATFORM_TOKEN = 'wrong-platform-token-0000'; PHRASETMS_BASE_URI = $emulator.BaseUri }
        $wrong.ExitCode | Should -Be 1
        $wrong.Text | Should -Match 'PlatformTokenRefused'
        $wrong.Text | Should -Not -Match 'wrong-platform-token-0000'
    }

    It 'connects with a token from SecretManagement (Get-Secret)' {
        # A stand-in for Microsoft.PowerShell.SecretManagement's Get-Secret: the recipe only calls Get-Secret -Name.
        $prelude = "function Get-Secret { [CmdletBinding()] param([string] `$Name) if (`$Name -ne 'PhraseTms') { throw 'no such secret' }; " +
            "ConvertTo-SecureString '$($emulator.ApiToken)' -AsPlainText -Force };"
        $run = Invoke-Recipe -Parameters @{ ProjectUid = 'emptyProj0'; SecretName = 'PhraseTms' } -Environment @{ PHRASETMS_BASE_URI = $emulator.BaseUri } -Prelude $prelude
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $wrong = Invoke-Recipe -Parameters @{ ProjectUid = 'emptyProj0'; SecretName = 'Other' } -Environment @{ PHRASETMS_BASE_URI = $emulator.BaseUri } -Prelude $prelude
        $wrong.ExitCode | Should -Be 1
        $wrong.Text | Should -Match 'no such secret'
    }
}

Describe 'A child PowerShell (examples/Get-ChildPowerShell.ps1)' {
    It 'starts PowerShell, not the bare dotnet host, when PowerShell runs as a .NET tool' {
        # `dotnet pwsh` runs PowerShell as `dotnet <PSHOME>/pwsh.dll`: there, $PID's process is dotnet.
        $resolver = Join-Path $root 'examples/Get-ChildPowerShell.ps1'
        $probe = "[Environment]::ProcessPath; `$ps = & '$($resolver.Replace("'", "''"))'; `$ps.FilePath; `$ps.ArgumentList -join '|'; " +
            "& `$ps.FilePath @(`$ps.ArgumentList) -NoProfile -NonInteractive -Command '`$PSVersionTable.PSEdition; `$PSHOME; `$PSVersionTable.PSVersion.ToString()'"
        $lines = @(& dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $probe)
        $LASTEXITCODE | Should -Be 0 -Because ($lines -join "`n")
        [System.IO.Path]::GetFileNameWithoutExtension($lines[0]) | Should -Be 'dotnet'
        $lines[1] | Should -Be $lines[0]                                   # the same dotnet host ...
        $lines[2] | Should -Be (Join-Path $PSHOME 'pwsh.dll')              # ... running pwsh.dll, not the dotnet CLI
        $lines[3..5] | Should -Be @('Core', $PSHOME, $PSVersionTable.PSVersion.ToString())
    }

    It 'starts the apphost of a PowerShell installed as a package' {
        $apphost = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        if (-not (Test-Path $apphost)) { Set-ItResult -Skipped -Because "this PowerShell has no apphost in $PSHOME" }
        $resolver = Join-Path $root 'examples/Get-ChildPowerShell.ps1'
        $lines = @(& $apphost -NoProfile -NonInteractive -Command "`$ps = & '$($resolver.Replace("'", "''"))'; `$ps.FilePath; `$ps.ArgumentList.Count")
        $lines | Should -Be @($apphost, '0')
    }

    It 'gives a command line that a scheduler can run' {
        $childPowerShell.CommandLine | Should -Not -BeNullOrEmpty
        $childPowerShell.FilePath | Should -Exist
        $childPowerShell.Edition | Should -Be $PSVersionTable.PSEdition
    }
}

Describe 'Phrase Platform token (Connect-PhraseTms -PlatformToken)' {
    BeforeAll {
        # Its own emulator: access tokens live 2 s, pages take 60 ms, so that a read outlives several tokens.
        $script:idp = Start-PhraseTmsEmulator -Configuration $configuration -ArgumentList '--access-token-lifetime-sec', '2', '--page-latency-ms', '60'
        $script:idpAdmin = $idp.BaseUri -replace '/web$', '/_emulator'
        $script:platformToken = ConvertTo-SecureString $idp.PlatformToken -AsPlainText -Force
        $script:modulePathForParallel = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
        function Get-IdpJournal([string] $Like) {
            @(Invoke-RestMethod "$idpAdmin/requests") | ForEach-Object { $_ } | Where-Object { $_.path -like $Like }
        }
        function Get-Exchange { @(Get-IdpJournal '/idm/oauth/token' | Where-Object method -EQ 'POST') }
        function Clear-IdpJournal { Invoke-RestMethod -Method Delete -Uri "$idpAdmin/requests" | Out-Null }
    }
    AfterAll {
        Disconnect-PhraseTms
        if ($script:idp) { Stop-PhraseTmsEmulator $script:idp }
    }
    BeforeEach { Disconnect-PhraseTms; Clear-IdpJournal }

    It 'exchanges the platform token at the identity service and shows the session without any token' {
        $session = Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken -PassThru
        $session.AuthenticationMode | Should -Be 'PlatformToken'
        $session.UserName | Should -Be 'demo'
        $session.IdentityUri | Should -Be $idp.IdentityUri
        $session.TokenExpires | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $shown = (Get-PhraseTmsSession | Format-List | Out-String) + (Get-PhraseTmsSession | Format-Table | Out-String)
        $shown | Should -Match 'PlatformToken'
        $shown | Should -Not -Match ([regex]::Escape($idp.PlatformToken))
        $shown | Should -Not -Match 'eyJ'
        $exchange = Get-Exchange
        $exchange.Count | Should -Be 1
        $exchange[0].contentType | Should -BeLike 'application/x-www-form-urlencoded*'
        $exchange[0].body | Should -Match 'subject_token=<redacted>'
        $exchange[0].body | Should -Match 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange'
        $exchange[0].authorization | Should -BeNullOrEmpty
        (Get-IdpJournal '/api2/*').authorization | Sort-Object -Unique | Should -Be 'Bearer <redacted>'
    }

    It 'connects from PHRASETMS_PLATFORM_TOKEN; the environment ranks token, then platform token, then user name and password' {
        $saved = @{}
        $names = 'PHRASETMS_TOKEN', 'PHRASETMS_PLATFORM_TOKEN', 'PHRASETMS_USERNAME', 'PHRASETMS_PASSWORD', 'PHRASETMS_BASE_URI'
        foreach ($n in $names) { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        try {
            $env:PHRASETMS_BASE_URI = $idp.BaseUri
            $env:PHRASETMS_USERNAME = $idp.UserName
            $env:PHRASETMS_PASSWORD = $idp.Password
            $env:PHRASETMS_PLATFORM_TOKEN = $idp.PlatformToken
            $env:PHRASETMS_TOKEN = $idp.ApiToken
            Connect-PhraseTms
            (Get-PhraseTmsSession).AuthenticationMode | Should -Be 'ApiToken'
            Remove-Item Env:PHRASETMS_TOKEN
            Connect-PhraseTms
            (Get-PhraseTmsSession).AuthenticationMode | Should -Be 'PlatformToken'
            Remove-Item Env:PHRASETMS_PLATFORM_TOKEN
            Connect-PhraseTms
            (Get-PhraseTmsSession).AuthenticationMode | Should -Be 'Login'
            (Get-Exchange).Count | Should -Be 1
        }
        finally {
            foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) }
        }
    }

    It 'renews the access token before it expires during four parallel paged reads: nothing lost, one exchange per renewal' {
        Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken -PrefetchPages 1
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $counts = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:modulePathForParallel
            $ids = Get-ConnectorAsyncTask -ProjectUid 'partial0001' -PageSize 50 | ForEach-Object Id
            [pscustomobject]@{ Count = @($ids).Count; Unique = @($ids | Sort-Object -Unique).Count }
        }
        $watch.Stop()
        $counts.Count | Should -Be 4
        foreach ($c in $counts) { $c.Count | Should -Be 2345; $c.Unique | Should -Be 2345 }
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 2.4 -Because 'the read outlives an access token'
        @(Get-IdpJournal '/api2/*' | Where-Object statusCode -EQ 401).Count | Should -Be 0
        $exchanges = Get-Exchange
        $exchanges.Count | Should -BeGreaterOrEqual 2
        $exchanges.Count | Should -BeLessOrEqual (2 + [int]($watch.Elapsed.TotalSeconds / 1.7))
        for ($i = 1; $i -lt $exchanges.Count; $i++) {
            $gap = ([datetime]$exchanges[$i].timestamp - [datetime]$exchanges[$i - 1].timestamp).TotalSeconds
            $gap | Should -BeGreaterThan 1.2 -Because 'four readers share one renewal'
        }
    }

    It 'exchanges again once when the TMS answers 401' {
        Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken
        Invoke-RestMethod -Method Post -Uri "$idpAdmin/expire-tokens" | Out-Null
        @(Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 5).Count | Should -Be 5
        (Get-Exchange).Count | Should -Be 2
        @(Get-IdpJournal '*/connectorAsyncTasks').statusCode | Should -Be @(401, 200)
    }

    It 'refuses a wrong platform token with PlatformTokenRefused, an AuthenticationError naming the service''s error, never the token' {
        $wrong = ConvertTo-SecureString 'wrong-platform-token-1618' -AsPlainText -Force
        $err = $null
        try { Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $wrong -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'PlatformTokenRefused,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'invalid_grant'
        $err.Exception.Message | Should -Match ([regex]::Escape($idp.IdentityUri))
        ($err | Out-String) | Should -Not -Match 'wrong-platform-token-1618'
        Get-PhraseTmsSession | Should -BeNullOrEmpty
        @(Get-IdpJournal '/api2/*').Count | Should -Be 0
    }

    It 'fails with IdentityServiceUnreachable, a ConnectionError naming the identity service, when it cannot be reached' {
        $err = $null
        try { Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken -IdentityUri 'http://127.0.0.1:9/idm/oauth/token' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'IdentityServiceUnreachable,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -Match 'identity service http://127\.0\.0\.1:9/idm/oauth/token'
        @(Get-IdpJournal '*').Count | Should -Be 0
    }

    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = 'a foreign -BaseUri without -IdentityUri'; BaseUri = 'https://proxy.example.test/web'; IdentityUri = $null; ErrorId = 'IdentityUriRequired' }
        @{ Case = 'an http -IdentityUri to a remote host'; BaseUri = $null; IdentityUri = 'http://eu.phrase.com/idm/oauth/token'; ErrorId = 'InsecureIdentityUri' }
    ) {
        $parameters = @{ PlatformToken = $platformToken; ErrorAction = 'Stop' }
        if ($BaseUri) { $parameters.BaseUri = $BaseUri }
        if ($IdentityUri) { $parameters.IdentityUri = $IdentityUri }
        $err = $null
        try { Connect-PhraseTms @parameters } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$ErrorId,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-IdentityUri'
        @(Get-IdpJournal '*').Count | Should -Be 0
    }

    It 'shows the platform token and the access tokens in no stream, error or URL, even with -Verbose and -Debug' {
        $output = & {
            Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken -Verbose -Debug
            Get-ConnectorAsyncTask -ProjectUid 'partial0001' -First 1500 -Verbose -Debug | Out-Null
            Invoke-RestMethod -Method Post -Uri "$idpAdmin/expire-tokens" | Out-Null
            Get-ConnectorAsyncTask -ProjectUid 'aBcD123' -First 5 -Verbose -Debug | Out-Null
            Get-PhraseTmsSession | Format-List | Out-String
            $wrong = ConvertTo-SecureString 'wrong-platform-token-1618' -AsPlainText -Force
            try { Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $wrong -Verbose -Debug -ErrorAction Stop } catch { $_ | Format-List * -Force | Out-String }
            try { Connect-PhraseTms -BaseUri $idp.BaseUri -PlatformToken $platformToken -IdentityUri 'http://127.0.0.1:9/idm/oauth/token' -Verbose -Debug -ErrorAction Stop } catch { $_ | Format-List * -Force | Out-String }
        } *>&1 | Out-String
        $output | Should -Match 'POST http://127\.0\.0\.1:\d+/idm/oauth/token → 200'
        $output | Should -Match 'exchanging the Phrase Platform token again'
        $output | Should -Not -Match ([regex]::Escape($idp.PlatformToken))
        $output | Should -Not -Match 'wrong-platform-token-1618'
        $output | Should -Not -Match 'eyJ'
        $output | Should -Not -Match 'Bearer [A-Za-z0-9]'
        $output | Should -Not -Match 'Authorization'
        $journal = (Invoke-RestMethod "$idpAdmin/requests" | ConvertTo-Json -Depth 5)
        $journal | Should -Not -Match ([regex]::Escape($idp.PlatformToken))
        $journal | Should -Not -Match 'wrong-platform-token-1618'
    }
}

#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The core under concurrency and early exits, in real pwsh: sessions replaced or removed while other runspaces read,
# Write* that throws during a wait, downstream stops, Ctrl+C. The emulator's journal tells what was requested when.
# Run with: Invoke-Pester ./tests/PhraseTms.Core.Tests.ps1 after a build (the build runs every tests/*.Tests.ps1).

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    . (Join-Path $root 'tools/Emulator.ps1')
    $configuration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
    # 20,000 bench tasks = 200 pages of 100; 10 ms per page, so that a read takes a while.
    $script:emulator = Start-PhraseTmsEmulator -Configuration $configuration -ArgumentList '--bench-items', '20000', '--page-latency-ms', '10'
    $script:modulePath = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
    Import-Module $modulePath -Force
    $script:token = ConvertTo-SecureString $emulator.ApiToken -AsPlainText -Force
    $script:admin = $emulator.BaseUri -replace '/web$', '/_emulator'
    $script:bench = 'benchProject01'

    function Clear-Journal { Invoke-RestMethod -Method Delete -Uri "$admin/requests" | Out-Null }
    # The GETs the emulator received whose path matches $Like (and whose query matches $Query).
    function Get-Journal([string] $Like, [string] $Query = '') {
        (Invoke-RestMethod -Uri "$admin/requests") | ForEach-Object { $_ } | Where-Object { $_.path -like $Like -and $_.query -match $Query }
    }
    function Get-BenchPages { @(Get-Journal '*/connectorAsyncTasks' "projectUid=$bench") }
    # Until the emulator has answered $Count pages of the bench list (the reads in other runspaces are under way; a
    # fixed sleep was too short when a loaded machine took over a second to import the module there).
    function Wait-BenchPages([int] $Count) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while ((Get-BenchPages).Count -lt $Count) {
            if ($watch.Elapsed.TotalSeconds -gt 60) { throw "The emulator saw fewer than $Count bench pages in 60 s." }
            Start-Sleep -Milliseconds 50
        }
    }
    # Runs $Script in a runspace of this process (the module's session is shared), stops it after $AfterMs like Ctrl+C.
    function Stop-After([string] $Script, [int] $AfterMs) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$modulePath'; $Script")
        $handle = $ps.BeginInvoke()
        Start-Sleep -Milliseconds $AfterMs
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stopTook = $watch.Elapsed
        $result = [pscustomobject]@{
            State    = $ps.InvocationStateInfo.State
            StopTook = $stopTook
            Errors   = @($ps.Streams.Error)
            Reason   = $ps.InvocationStateInfo.Reason
        }
        try { $null = $ps.EndInvoke($handle) } catch { }
        $ps.Dispose()
        $result
    }
    # An error a user would see: ErrorIds of the module or of PowerShell, never a raw .NET exception's type name.
    function Assert-NoRawException([object[]] $Errors) {
        foreach ($e in $Errors) {
            $e.FullyQualifiedErrorId | Should -Not -Match '^System\.' -Because "$($e.Exception.GetType().FullName): $($e.Exception.Message)"
        }
    }
}

AfterAll {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Remove-Module PhraseTms -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-PhraseTmsEmulator $script:emulator }
}

Describe 'Sessions shared by runspaces' {
    BeforeEach { Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token -PrefetchPages 1 }
    AfterEach { Disconnect-PhraseTms }

    It 'lets four parallel reads finish when the session is replaced meanwhile: nothing lost, no raw exception' {
        $old = Get-PhraseTmsSession
        Clear-Journal
        $job = 1..4 | ForEach-Object -AsJob -ThrottleLimit 4 -Parallel {
            Import-Module $using:modulePath
            $count = 0
            $errors = $null
            Get-ConnectorAsyncTask -ProjectUid $using:bench -PageSize 100 -ErrorVariable errors | ForEach-Object { $count++ }
            [pscustomobject]@{ Count = $count; Errors = @($errors | ForEach-Object FullyQualifiedErrorId) }
        }
        Wait-BenchPages 8   # every runspace reading (two pages each at least)
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token
        $results = @($job | Wait-Job -Timeout 120 | Receive-Job -ErrorVariable jobErrors)
        $job | Remove-Job -Force

        $jobErrors | Should -BeNullOrEmpty
        $results.Count | Should -Be 4
        foreach ($r in $results) {
            $r.Errors | Should -BeNullOrEmpty
            $r.Count | Should -Be 20000
        }
        $old.IsOpen | Should -BeFalse
        (Get-PhraseTmsSession).IsOpen | Should -BeTrue
        (Get-ConnectorAsyncTask -ProjectUid $bench -First 5).Count | Should -Be 5
    }

    It 'lets a running read end on Disconnect, and new calls fail with NotConnected' {
        Clear-Journal
        $job = Start-ThreadJob {
            Import-Module $using:modulePath
            $count = 0
            Get-ConnectorAsyncTask -ProjectUid $using:bench -PageSize 100 | ForEach-Object { $count++ }
            $count
        }
        Wait-BenchPages 2
        Disconnect-PhraseTms
        { Get-ConnectorAsyncTask -ProjectUid $bench -First 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,PhraseTms.Cmdlets.ConnectorAsyncTask.GetConnectorAsyncTaskCommand'
        $count = $job | Wait-Job -Timeout 120 | Receive-Job -ErrorVariable jobErrors
        $job | Remove-Job -Force
        $jobErrors | Should -BeNullOrEmpty
        $count | Should -Be 20000
    }

    It 'refuses a -Session that has been disconnected with NotConnected, before any request' {
        $session = Get-PhraseTmsSession
        Disconnect-PhraseTms
        Clear-Journal
        $err = $null
        try { Get-ConnectorAsyncTask -ProjectUid $bench -First 1 -Session $session -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $err.Exception.Message | Should -Match 'disconnected'
        Get-Journal '*' | ForEach-Object { "$($_.method) $($_.path)?$($_.query)" } | Should -BeNullOrEmpty
        Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token
    }
}

Describe 'Leaving early' {
    BeforeAll { Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token -PrefetchPages 3 }
    AfterAll { Disconnect-PhraseTms }

    It 'a <Stream> line that throws (<Preference> Stop) during a wait ends the wait: no poll after the cmdlet ended' -ForEach @(
        @{ Stream = 'progress'; Preference = 'ProgressPreference' }
        @{ Stream = 'verbose'; Preference = 'VerbosePreference' }
    ) {
        Clear-Journal
        $err = $null
        try { & { Set-Variable -Name $Preference -Value 'Stop'; Wait-PhraseTmsAsyncRequest -Id 9000004 } } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        Assert-NoRawException $err
        $polls = @(Get-Journal '*/async/9000004').Count
        $polls | Should -BeGreaterOrEqual 1
        Start-Sleep -Milliseconds 2600   # the waiter would have polled twice more by now (1 s, then 1.5 s)
        @(Get-Journal '*/async/9000004').Count | Should -Be $polls
    }

    It 'Select-Object -First 1 over a 200-page list requests at most the prefetch window' {
        Clear-Journal
        $first = Get-ConnectorAsyncTask -ProjectUid $bench -PageSize 100 | Select-Object -First 1
        $first.ProjectUid | Should -Be $bench
        Start-Sleep -Milliseconds 500
        @(Get-BenchPages).Count | Should -BeLessOrEqual 3
    }

    It 'Ctrl+C during <What> stops at once and requests nothing afterwards' -ForEach @(
        @{ What = 'a prefetching read'; Script = "Get-ConnectorAsyncTask -ProjectUid 'benchProject01' -PageSize 100 | Measure-Object"
           AfterMs = 700; Path = '*/connectorAsyncTasks'; Query = 'projectUid=benchProject01'; Quiet = 500 }
        @{ What = 'a wait'; Script = 'Wait-PhraseTmsAsyncRequest -Id 9000004'
           AfterMs = 1500; Path = '*/async/9000004'; Query = ''; Quiet = 2600 }   # the waiter would poll again within 2.5 s
    ) {
        Clear-Journal
        $stopped = Stop-After $Script -AfterMs $AfterMs
        $stopped.State | Should -Be 'Stopped'
        $stopped.StopTook.TotalSeconds | Should -BeLessThan 5
        Assert-NoRawException $stopped.Errors
        $requests = @(Get-Journal $Path $Query).Count
        $requests | Should -BeGreaterThan 0
        $requests | Should -BeLessThan 200   # a read of 200 pages did not run to its end
        Start-Sleep -Milliseconds $Quiet
        @(Get-Journal $Path $Query).Count | Should -Be $requests
    }
}

#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The generated cmdlets as a user meets them: imported from out/PhraseTms, run against the local emulator (projects,
# jobs, translation memories, term bases, users, templates, connectors: tests/PhraseTms.Emulator/README.md).
# Run with: ./build.ps1 -Task Pester

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    . (Join-Path $root 'tools/Emulator.ps1')
    $configuration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
    $script:emu = Start-PhraseTmsEmulator -Configuration $configuration
    $script:adminUri = $emu.BaseUri -replace '/web/?$', '/_emulator'
    Import-Module (Join-Path $root 'out/PhraseTms/PhraseTms.psd1') -Force
    Connect-PhraseTms -BaseUri $emu.BaseUri -Token (ConvertTo-SecureString $emu.ApiToken -AsPlainText -Force)
    function script:Get-EmulatorRequest([string] $Method) {
        $all = Invoke-RestMethod -Uri "$adminUri/requests"   # one array object: assigned first, then enumerated
        @($all | Where-Object { -not $Method -or $_.method -eq $Method })
    }
    function script:Clear-EmulatorRequest { $null = Invoke-RestMethod -Method Delete -Uri "$adminUri/requests" }
    # A non-interactive child PowerShell connected to the emulator through the environment (the token never on a
    # command line): a confirmation prompt there is an error instead of an answer.
    $script:childPowerShell = & (Join-Path $root 'examples/Get-ChildPowerShell.ps1')
    $script:manifest = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
    function script:Invoke-Child([string] $Command) {
        $env:PHRASETMS_TOKEN = $emu.ApiToken; $env:PHRASETMS_BASE_URI = $emu.BaseUri
        try {
            & $childPowerShell.FilePath @($childPowerShell.ArgumentList) -NoProfile -NonInteractive -Command "Import-Module '$manifest'; Connect-PhraseTms; $Command" 2>&1
        }
        finally { Remove-Item Env:PHRASETMS_TOKEN, Env:PHRASETMS_BASE_URI -ErrorAction SilentlyContinue }
    }
}

AfterAll {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Remove-Module PhraseTms -ErrorAction SilentlyContinue
    if ($script:emu) { Stop-PhraseTmsEmulator $script:emu }
}

Describe 'Generated cmdlets: objects flow' {
    It 'Get-PhraseTmsProject | Get-PhraseTmsJob | Where-Object | Set-PhraseTmsJobStatus -WhatIf sends no POST' {
        $projects = @(Get-PhraseTmsProject -Status ASSIGNED)
        $projects.Count | Should -BeGreaterThan 0
        $projects | ForEach-Object { $_.PSTypeNames[0] | Should -Be 'PhraseTms.Project'; $_.ProjectUid | Should -Be $_.Uid }
        $jobs = @($projects | Get-PhraseTmsJob)
        $jobs.Count | Should -BeGreaterThan 0
        # Each job carries the project it was read under (a path value the cmdlet fills in) and its own JobUid.
        $jobs | ForEach-Object { $_.ProjectUid | Should -BeIn $projects.Uid; $_.JobUid | Should -Be $_.Uid }
        $completed = @($jobs | Where-Object Status -eq 'COMPLETED')
        $completed.Count | Should -BeGreaterThan 0
        Clear-EmulatorRequest
        Get-PhraseTmsProject -Status ASSIGNED | Get-PhraseTmsJob | Where-Object Status -eq 'COMPLETED' |
            Set-PhraseTmsJobStatus -Status DELIVERED -WhatIf
        $seen = @(Get-EmulatorRequest)
        @($seen | Where-Object method -eq GET).Count | Should -BeGreaterThan 1 -Because ($seen | ForEach-Object { "$($_.method) $($_.path)" } | Out-String)
        @($seen | Where-Object method -eq POST).Count | Should -Be 0
    }

    It 'Set-PhraseTmsJobStatus changes the status (body field requestedStatus from -Status)' {
        $job = Get-PhraseTmsProject -Status ASSIGNED | Get-PhraseTmsJob | Where-Object Status -eq 'COMPLETED' | Select-Object -First 1
        $job | Set-PhraseTmsJobStatus -Status DELIVERED -Confirm:$false
        $post = (Get-EmulatorRequest POST)[-1]
        $post.path | Should -BeLike "*/jobs/$($job.Uid)/setStatus"
        ($post.body | ConvertFrom-Json).requestedStatus | Should -Be 'DELIVERED'
        (Get-PhraseTmsJob -ProjectUid $job.ProjectUid -JobUid $job.Uid).StatusText | Should -Be 'DELIVERED'
    }

    It 'lists translation memories, term bases, users by role, templates and connectors as typed objects' {
        $tms = @(Get-PhraseTmsTransMemory -First 20)
        $tms.Count | Should -Be 20
        $tms[0].PSTypeNames[0] | Should -BeLike 'PhraseTms.*'
        @(Get-PhraseTmsTermBase).Count | Should -BeGreaterThan 0
        $linguists = @(Get-PhraseTmsUser -Role LINGUIST)
        $linguists.Count | Should -BeGreaterThan 0
        $linguists | ForEach-Object { $_.RoleText | Should -Be 'LINGUIST' }
        $templates = @(Get-PhraseTmsProjectTemplate | Select-Object Uid, Name)
        $templates.Count | Should -BeGreaterThan 0
        $templates | ForEach-Object { $_.Uid | Should -Not -BeNullOrEmpty; $_.Name | Should -Not -BeNullOrEmpty }   # Name: the templateName
        $connectors = @(Get-PhraseTmsConnector)
        $connectors.Count | Should -BeGreaterThan 0
        $connectors | ForEach-Object { $_.Id | Should -Not -BeNullOrEmpty; $_.Name | Should -Not -BeNullOrEmpty; $_.Type | Should -Not -BeNullOrEmpty }
    }

    It 'Get-PhraseTmsTransMemory -First 20 reads no page past the 20th item' {
        Clear-EmulatorRequest
        $null = Get-PhraseTmsTransMemory -First 20
        $gets = @(Get-EmulatorRequest GET)
        $gets.Count | Should -Be 1
        "$($gets[0].path)?$($gets[0].query)" | Should -BeLike '*transMemories*pageSize=20*'
    }
}

Describe 'Generated cmdlets: changes' {
    It 'New-PhraseTmsProject creates a project with its target languages' {
        $p = New-PhraseTmsProject -Name 'Generated cmdlets' -SourceLang en -TargetLang de, fr -Confirm:$false
        $p.Uid | Should -Not -BeNullOrEmpty
        $p.TargetLangs | Should -Be @('de', 'fr')
        (Get-PhraseTmsProject -ProjectUid $p.Uid).Name | Should -Be 'Generated cmdlets'
    }

    It 'Remove-PhraseTmsProject asks (ConfirmImpact High), -WhatIf sends nothing, -Confirm:$false deletes' {
        $p = New-PhraseTmsProject -Name 'To remove' -SourceLang en -TargetLang de -Confirm:$false
        (Get-Command Remove-PhraseTmsProject).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        Clear-EmulatorRequest
        $p | Remove-PhraseTmsProject -WhatIf
        # High impact at the default $ConfirmPreference (High) asks: in a non-interactive PowerShell, asking fails.
        $asked = Invoke-Child "Remove-PhraseTmsProject -ProjectUid '$($p.Uid)'" | Out-String
        $asked | Should -Match 'NonInteractive|prompt'
        @(Get-EmulatorRequest DELETE).Count | Should -Be 0
        $p | Remove-PhraseTmsProject -Confirm:$false
        @(Get-EmulatorRequest DELETE).Count | Should -Be 1
        { Get-PhraseTmsProject -ProjectUid $p.Uid -ErrorAction Stop } | Should -Throw
    }

    It 'a Medium-impact cmdlet does not ask at the default $ConfirmPreference, and does with $ConfirmPreference = Medium' {
        $job = Get-PhraseTmsProject -Status ASSIGNED | Get-PhraseTmsJob | Select-Object -First 1
        Clear-EmulatorRequest
        $asked = Invoke-Child "`$ConfirmPreference = 'Medium'; Set-PhraseTmsJobStatus -ProjectUid '$($job.ProjectUid)' -JobUid '$($job.Uid)' -Status ACCEPTED" | Out-String
        $asked | Should -Match 'NonInteractive|prompt'
        @(Get-EmulatorRequest POST).Count | Should -Be 0
        Invoke-Child "Set-PhraseTmsJobStatus -ProjectUid '$($job.ProjectUid)' -JobUid '$($job.Uid)' -Status ACCEPTED; 'sent'" | Should -Be 'sent'
        @(Get-EmulatorRequest POST | Where-Object path -like '*/setStatus').Count | Should -Be 1
    }
}

Describe 'Generated cmdlets: bad input is refused before any request' {
    It 'a path segment that is no UID is a validation error naming the parameter, and nothing is sent' {
        Clear-EmulatorRequest
        $err = $null
        Get-PhraseTmsProject -ProjectUid '../admin' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidIdentifier,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be '../admin'
        Remove-PhraseTmsProject -ProjectUid 'a/b' -Confirm:$false -ErrorAction SilentlyContinue
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'an enum value the API does not have is refused at binding' {
        { Get-PhraseTmsUser -Role NOBODY } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'an unknown key of a nested object is refused at binding' {
        { New-PhraseTmsProject -Name x -SourceLang en -TargetLang de -Client @{ NoSuchKey = 1 } -WhatIf } | Should -Throw
    }
}

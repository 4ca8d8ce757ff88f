#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The admin's recipes (examples/*.ps1) end to end: real pwsh, the built module, the local emulator, files in TestDrive.
# Run with: ./build.ps1 -Task Test   (or Invoke-Pester ./tests/PhraseTms.Recipes.Tests.ps1 after a build)

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    . (Join-Path $root 'tools/Emulator.ps1')
    $configuration = if ($env:PHRASETMS_TEST_CONFIGURATION) { $env:PHRASETMS_TEST_CONFIGURATION } else { 'Debug' }
    # An emulator of its own: these tests create projects, jobs and TM content, and read the request journal.
    # Async requests finish at their second poll (imports, pre-translation, analyses, target files): waits stay short.
    $script:emulator = Start-PhraseTmsEmulator -Configuration $configuration -ArgumentList '--async-polls', '1'
    $script:admin = $emulator.BaseUri -replace '/web$', '/_emulator'
    $script:modulePath = Join-Path $root 'out/PhraseTms/PhraseTms.psd1'
    Import-Module $modulePath -Force
    $script:token = ConvertTo-SecureString $emulator.ApiToken -AsPlainText -Force
    Connect-PhraseTms -BaseUri $emulator.BaseUri -Token $token
    $script:examples = Join-Path $root 'examples'
    $script:childPowerShell = & (Join-Path $examples 'Get-ChildPowerShell.ps1')

    function Get-Journal([string] $Method = '*', [string] $PathLike = '*') {
        @(Invoke-RestMethod "$admin/requests") | ForEach-Object { $_ } | Where-Object { $_.method -like $Method -and $_.path -like $PathLike }
    }
    function Clear-Journal { Invoke-RestMethod -Method Delete "$admin/requests" | Out-Null }
    function Add-Fault([hashtable] $Fault) { Invoke-RestMethod -Method Post "$admin/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null }
    function Clear-Fault { Invoke-RestMethod -Method Delete "$admin/faults" | Out-Null }

    # The source tree of a launch: nested folders and names outside ASCII, content that differs per file.
    function New-SourceTree([string] $Path) {
        $files = [ordered]@{
            'readme.txt'               = "Read me first.`nSecond line."
            'docs/guide/intro.html'    = '<html><body><p>Welcome to the guide.</p><p>Second paragraph.</p></body></html>'
            'docs/Überblick.txt'       = "Ein Überblick über das Produkt.`nZweite Zeile."
            'カタログ/製品一覧.txt'       = "Catalogue: products A, B and C.`nPrices on request."
        }
        foreach ($relative in $files.Keys) {
            $file = Join-Path $Path $relative
            $null = New-Item -ItemType Directory -Path (Split-Path -Parent $file) -Force
            [System.IO.File]::WriteAllText($file, $files[$relative], [System.Text.UTF8Encoding]::new($false))
        }
        @($files.Keys)
    }

    # The emulator's target file of a job (tests/PhraseTms.Emulator/Data/JobFiles.cs): "[target: <lang>]\n" in UTF-8, then
    # the source bytes as uploaded.
    function ConvertTo-EmulatorTarget([byte[]] $Bytes, [string] $TargetLang) {
        [byte[]] ([System.Text.Encoding]::UTF8.GetBytes("[target: $TargetLang]`n") + $Bytes)
    }

    # Runs a recipe in a child PowerShell, connected to the emulator: what it prints to the host (What if: …) is its output.
    function Invoke-ChildRecipe([string] $Recipe, [string] $Arguments) {
        $command = "`$ProgressPreference = 'SilentlyContinue'; Import-Module '$modulePath'; " +
            "Connect-PhraseTms -BaseUri '$($emulator.BaseUri)' -Token (ConvertTo-SecureString '$($emulator.ApiToken)' -AsPlainText -Force); " +
            "& '$((Join-Path $examples $Recipe).Replace("'", "''"))' $Arguments"
        & $childPowerShell.FilePath @($childPowerShell.ArgumentList) -NoProfile -NonInteractive -Command $command 2>&1 | ForEach-Object { "$_" } | Out-String
    }

    # Runs a recipe in a runspace of its own (connected like the caller), returns the PowerShell to Stop() it.
    function Start-RecipeRunspace([string] $Recipe, [hashtable] $Parameters) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $BaseUri, $Token, $Recipe, $Parameters)
                $ProgressPreference = 'SilentlyContinue'
                Import-Module $ModulePath
                Connect-PhraseTms -BaseUri $BaseUri -Token $Token
                & $Recipe @Parameters
            }).AddParameters(@{ ModulePath = $modulePath; BaseUri = $emulator.BaseUri; Token = $token; Recipe = (Join-Path $examples $Recipe); Parameters = $Parameters })
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }
    # Waits (bounded) until the journal shows a request like this one; the runspace's progress does not matter.
    function Wait-Journal([string] $Method, [string] $PathLike, [int] $Count = 1, [int] $TimeoutSec = 60) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (@(Get-Journal $Method $PathLike).Count -lt $Count) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "No $Count request(s) $Method $PathLike within $TimeoutSec s." }
            Start-Sleep -Milliseconds 100
        }
    }
    function Stop-RecipeRunspace($Run) {
        $Run.PowerShell.Stop()          # what Ctrl+C does: StopProcessing on the running cmdlet, then the pipeline stops
        $state = $Run.PowerShell.InvocationStateInfo.State
        $Run.PowerShell.Dispose()
        $state
    }
}

AfterAll {
    Disconnect-PhraseTms -ErrorAction SilentlyContinue
    Remove-Module PhraseTms -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-PhraseTmsEmulator $script:emulator }
}

Describe 'Launch-Project.ps1' {
    BeforeAll {
        $script:launch = Join-Path $examples 'Launch-Project.ps1'
        $script:sourceFolder = Join-Path $TestDrive 'source'
        $script:sources = New-SourceTree $sourceFolder
        Clear-Journal
        $script:launched = @(& $launch -TemplateUid tmplWeb0001 -Name 'Launch 2027' -SourceFolder $sourceFolder -TargetLang de, fr)
        $script:launchJournal = @(Get-Journal)
        $script:projectUid = $launched[0].ProjectUid
    }

    It 'writes one object per target language with the jobs and the analysis figures' {
        $launched.TargetLang | Should -Be @('de', 'fr')
        $launched.Jobs | Should -Be @(4, 4)
        $launched[0].PSTypeNames[0] | Should -Be 'PhraseTms.Recipe.LaunchedLanguage'
        $analysis = Get-PhraseTmsAnalysis -AnalyseUid $launched[0].AnalyseUid
        foreach ($row in $launched) {
            $part = @($analysis.AnalyseLanguageParts | Where-Object TargetLang -EQ $row.TargetLang)
            $row.Words | Should -Be (($part.Data.All.Words | Measure-Object -Sum).Sum)
            $row.Segments | Should -Be (($part.Data.All.Segments | Measure-Object -Sum).Sum)
        }
        $launched[0].Segments | Should -BeGreaterThan 0
    }

    It 'created the project from the template and one job per file and language, paths relative, names as they were' {
        (Get-PhraseTmsProject -ProjectUid $projectUid).Name | Should -Be 'Launch 2027'
        $jobs = @(Get-PhraseTmsJob -ProjectUid $projectUid)
        $jobs.Count | Should -Be 8
        $seen = $jobs | ForEach-Object { (@($_.OriginalFileDirectory, $_.Filename) | Where-Object { $_ }) -join '/' } | Sort-Object -Unique
        $seen | Should -Be ($sources | Sort-Object)
    }

    It 'sent each upload, the pre-translation and the analysis once' {
        $uploads = @($launchJournal | Where-Object { $_.method -eq 'POST' -and $_.path -eq "/api2/v1/projects/$projectUid/jobs" })
        $uploads.Count | Should -Be 4
        @($launchJournal | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/applyTemplate/*' }).Count | Should -Be 1
        @($launchJournal | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/jobs/preTranslate' }).Count | Should -Be 1
        @($launchJournal | Where-Object { $_.method -eq 'POST' -and $_.path -like '/api2/v2/analyses*' }).Count | Should -Be 1
        # The pre-translation was asked for after every import had finished: its request came after the last upload's.
        $order = [Array]::FindIndex([object[]] $launchJournal, [Predicate[object]] { param($r) $r.path -like '*/jobs/preTranslate' })
        $lastUpload = [Array]::FindLastIndex([object[]] $launchJournal, [Predicate[object]] { param($r) $r.method -eq 'POST' -and $r.path -eq "/api2/v1/projects/$projectUid/jobs" })
        $order | Should -BeGreaterThan $lastUpload
    }

    It 'sends nothing that changes anything with -WhatIf and says what it would do' {
        Clear-Journal
        $said = Invoke-ChildRecipe 'Launch-Project.ps1' "-TemplateUid tmplWeb0001 -Name Never -SourceFolder '$sourceFolder' -WhatIf"
        @(Get-Journal -Method 'POST').Count + @(Get-Journal -Method 'PUT').Count | Should -Be 0
        $said | Should -Match 'What if: .*applyTemplate/tmplWeb0001'
        foreach ($relative in $sources) { $said | Should -Match ([regex]::Escape((Split-Path -Leaf $relative))) }
    }

    It 'refuses a missing folder before any request' {
        Clear-Journal
        { & $launch -TemplateUid tmplWeb0001 -Name 'X' -SourceFolder (Join-Path $TestDrive 'nowhere') } | Should -Throw '*is not a folder*'
        @(Get-Journal).Count | Should -Be 0
    }

    It 'stops at once on Ctrl+C while uploading: no upload, pre-translation or analysis after it' {
        $many = Join-Path $TestDrive 'many'
        foreach ($i in 1..12) { $null = New-Item -ItemType File -Path (Join-Path $many "part$i.txt") -Value "Text number $i." -Force }
        Clear-Journal
        Add-Fault @{ method = 'POST'; pathContains = '/jobs'; kind = 'Latency'; delayMs = 30000; times = -1; skipFirst = 3 }
        try {
            $run = Start-RecipeRunspace 'Launch-Project.ps1' @{ TemplateUid = 'tmplWeb0001'; Name = 'Stopped'; SourceFolder = $many; TargetLang = @('de'); ThrottleLimit = 1 }
            Wait-Journal POST '/api2/v1/projects/*/jobs' -Count 4     # the fourth upload is held by the latency fault
            Stop-RecipeRunspace $run | Should -Be 'Stopped'
            $atStop = @(Get-Journal).Count
            Start-Sleep -Seconds 2
            @(Get-Journal).Count | Should -Be $atStop
            @(Get-Journal POST '*/jobs/preTranslate').Count | Should -Be 0
            @(Get-Journal POST '/api2/v2/analyses*').Count | Should -Be 0
        }
        finally { Clear-Fault }
    }
}

Describe 'Deliver-Project.ps1' {
    BeforeAll {
        $script:deliver = Join-Path $examples 'Deliver-Project.ps1'
        $script:sourceFolder = Join-Path $TestDrive 'deliver-source'
        $script:sources = New-SourceTree $sourceFolder
        $script:launched = @(& (Join-Path $examples 'Launch-Project.ps1') -TemplateUid tmplWeb0001 -Name 'Deliver me' -SourceFolder $sourceFolder -TargetLang de, fr)
        $script:projectUid = $launched[0].ProjectUid
        # Six of the eight jobs are done; the fr job of readme.txt and of intro.html stay open.
        $script:jobs = @(Get-PhraseTmsJob -ProjectUid $projectUid)
        $script:open = @($jobs | Where-Object { $_.TargetLang -eq 'fr' -and $_.Filename -in 'readme.txt', 'intro.html' })
        $jobs | Where-Object { $_ -notin $open } | Set-PhraseTmsJobStatus -ProjectUid $projectUid -Status COMPLETED
        $script:out = Join-Path $TestDrive 'delivery'
        Clear-Journal
        $script:first = @(& $deliver -ProjectUid $projectUid -OutFolder $out)
        $script:firstJournal = @(Get-Journal)

        # What the emulator serves as a target: its deterministic transform of the uploaded source (emulator README).
        function Get-ExpectedTarget([string] $Relative, [string] $TargetLang) {
            $bytes = [System.IO.File]::ReadAllBytes((Join-Path $sourceFolder $Relative))
            ConvertTo-EmulatorTarget -Bytes $bytes -TargetLang $TargetLang
        }
    }

    It 'downloads every completed job into language/job path/file name, byte for byte the emulator''s target' {
        $first.Count | Should -Be 6
        $first.Action | Sort-Object -Unique | Should -Be 'Downloaded'
        foreach ($lang in 'de', 'fr') {
            foreach ($relative in $sources) {
                $file = Join-Path $out "$lang/$relative"
                if ($lang -eq 'fr' -and (Split-Path -Leaf $relative) -in 'readme.txt', 'intro.html') { $file | Should -Not -Exist; continue }
                $file | Should -Exist
                [System.IO.File]::ReadAllBytes($file) | Should -Be (Get-ExpectedTarget $relative $lang)
            }
        }
    }

    It 'asks for each target file once and downloads each once, waiting through the async requests' {
        @($firstJournal | Where-Object { $_.method -eq 'PUT' -and $_.path -like "/api2/v2/projects/$projectUid/jobs/*/targetFile" }).Count | Should -Be 6
        @($firstJournal | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/downloadTargetFile/*' }).Count | Should -Be 6
        @($firstJournal | Where-Object { $_.method -eq 'GET' -and $_.path -like '/api2/v1/async/*' }).Count | Should -BeGreaterOrEqual 6
        @($firstJournal | Where-Object { $_.method -eq 'POST' }).Count | Should -Be 0
    }

    It 'skips on a second run what is there and unchanged: nothing new is requested' {
        Clear-Journal
        $second = @(& $deliver -ProjectUid $projectUid -OutFolder $out)
        $second.Count | Should -Be 6
        $second.Action | Sort-Object -Unique | Should -Be 'Skipped'
        @(Get-Journal | Where-Object { $_.method -ne 'GET' -or $_.path -like '*/downloadTargetFile/*' -or $_.path -like '*/async/*' }).Count | Should -Be 0
    }

    It 'delivers again a file changed or deleted on disk, and a job completed since' {
        $changed = Join-Path $out 'de/readme.txt'
        [System.IO.File]::WriteAllText($changed, 'edited by hand')
        Remove-Item -LiteralPath (Join-Path $out 'fr/docs/Überblick.txt')
        $open[0] | Set-PhraseTmsJobStatus -ProjectUid $projectUid -Status COMPLETED
        Clear-Journal
        $third = @(& $deliver -ProjectUid $projectUid -OutFolder $out)
        @($third | Where-Object Action -EQ 'Downloaded').Path | Sort-Object |
            Should -Be (@('de/readme.txt', 'fr/docs/Überblick.txt', "fr/$((@($open[0].OriginalFileDirectory, $open[0].Filename) | Where-Object { $_ }) -join '/')") | Sort-Object)
        @(Get-Journal GET '*/downloadTargetFile/*').Count | Should -Be 3
        [System.IO.File]::ReadAllBytes($changed) | Should -Be (Get-ExpectedTarget 'readme.txt' 'de')
    }

    It 'writes nothing and requests nothing with -WhatIf' {
        $elsewhere = Join-Path $TestDrive 'whatif-delivery'
        Clear-Journal
        $said = Invoke-ChildRecipe 'Deliver-Project.ps1' "-ProjectUid $projectUid -OutFolder '$elsewhere' -WhatIf"
        @([regex]::Matches($said, 'What if: Performing the operation "Download the target file')).Count | Should -Be 7
        @(Get-ChildItem -LiteralPath $elsewhere -Recurse -File -ErrorAction SilentlyContinue).Count | Should -Be 0
        @(Get-Journal | Where-Object { $_.method -ne 'GET' -or $_.path -like '*/downloadTargetFile/*' }).Count | Should -Be 0
    }

    It 'delivers the projects due this week with -DueThisWeek, each under its project uid' {
        $due = Join-Path $TestDrive 'due-delivery'
        $delivered = @(& $deliver -DueThisWeek -OutFolder $due)
        $delivered.Count | Should -BeGreaterThan 0
        foreach ($d in $delivered) {
            $d.Path | Should -BeLike "$($d.ProjectUid)/$($d.TargetLang)/*"
            Join-Path $due $d.Path | Should -Exist
            (Get-PhraseTmsJob -ProjectUid $d.ProjectUid -JobUid $d.JobUid).StatusText | Should -Be 'COMPLETED'
        }
    }

    It 'delivers only the jobs of the last workflow step (Revision after Translation)' {
        Get-PhraseTmsJob -ProjectUid wfProj00001 -WorkflowLevel 1 | Set-PhraseTmsJobStatus -ProjectUid wfProj00001 -Status COMPLETED
        $revisions = @(Get-PhraseTmsJob -ProjectUid wfProj00001 -WorkflowLevel 2)
        $revisions | Set-PhraseTmsJobStatus -ProjectUid wfProj00001 -Status ACCEPTED
        $revisions[0] | Set-PhraseTmsJobStatus -ProjectUid wfProj00001 -Status COMPLETED
        $folder = Join-Path $TestDrive 'workflow-delivery'
        $delivered = @(& $deliver -ProjectUid wfProj00001 -OutFolder $folder)
        $delivered.JobUid | Should -Be $revisions[0].Uid
        # The target is the emulator's transform of the job's source, read back with Save-PhraseTmsJobOriginalFile.
        $original = Save-PhraseTmsJobOriginalFile -ProjectUid wfProj00001 -JobUid $revisions[0].Uid -OutFile (Join-Path $TestDrive 'wf-original.bin') -PassThru
        [System.IO.File]::ReadAllBytes((Join-Path $folder $delivered[0].Path)) |
            Should -Be (ConvertTo-EmulatorTarget -Bytes ([System.IO.File]::ReadAllBytes($original.FullName)) -TargetLang $revisions[0].TargetLang)
    }

    It 'refuses a job whose path would leave the folder, and delivers the others' {
        $project = New-PhraseTmsProject -Name 'Escaping path' -SourceLang en -TargetLang de
        $file = Join-Path $TestDrive 'escape.txt'
        [System.IO.File]::WriteAllText($file, 'escape')
        $null = New-PhraseTmsJob -ProjectUid $project.Uid -Path $file -TargetLang de -MemsourcePath '../../outside' -Wait
        $null = New-PhraseTmsJob -ProjectUid $project.Uid -Path (Join-Path $sourceFolder 'readme.txt') -TargetLang de -Wait
        Get-PhraseTmsJob -ProjectUid $project.Uid | Set-PhraseTmsJobStatus -ProjectUid $project.Uid -Status COMPLETED
        $folder = Join-Path $TestDrive 'escape/delivery'
        Clear-Journal
        $delivered = @(& $deliver -ProjectUid $project.Uid -OutFolder $folder -ErrorVariable refused -ErrorAction SilentlyContinue)
        $delivered.Path | Should -Be 'de/readme.txt'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'JobPathOutsideFolder*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        @(Get-ChildItem -LiteralPath (Join-Path $TestDrive 'escape') -Recurse -File -Force | Where-Object Name -NE '.phrasetms-delivery.json').Count | Should -Be 1
        @(Get-Journal PUT '*/targetFile').Count | Should -Be 1          # nothing asked for the refused job
    }

    It 'stops at once on Ctrl+C while downloading: no file under a final name that is not complete, no request after it' {
        $stopped = Join-Path $TestDrive 'stopped-delivery'
        Clear-Journal
        Add-Fault @{ method = 'GET'; pathContains = '/downloadTargetFile/'; kind = 'SlowBody'; delayMs = 3000; times = -1; skipFirst = 2 }
        try {
            # -BatchSize 1: one download at a time, so that "the third" is one job's (several at once race for the fault).
            $run = Start-RecipeRunspace 'Deliver-Project.ps1' @{ ProjectUid = $projectUid; OutFolder = $stopped; BatchSize = 1 }
            Wait-Journal GET '*/downloadTargetFile/*' -Count 3      # the third download is held by the slow body
            Start-Sleep -Milliseconds 500                          # its first chunk written to the temporary file
            Stop-RecipeRunspace $run | Should -Be 'Stopped'
            $atStop = @(Get-Journal).Count
            Start-Sleep -Seconds 2
            @(Get-Journal).Count | Should -Be $atStop
        }
        finally { Clear-Fault }
        # -Force: the transfer layer's temporary files are hidden (.<name>.<id>.partial); none may be left either.
        $files = @(Get-ChildItem -LiteralPath $stopped -Recurse -File -Force | Where-Object Name -NE '.phrasetms-delivery.json')
        $files.Name | Should -Not -BeLike '*.partial'
        $files.Count | Should -Be 2
        @(Get-Content -LiteralPath (Join-Path $stopped '.phrasetms-delivery.json') -Raw | ConvertFrom-Json).Count | Should -Be 2
        foreach ($f in $files) {
            $relative = [System.IO.Path]::GetRelativePath($stopped, $f.FullName).Replace('\', '/')
            $lang, $rest = $relative -split '/', 2
            [System.IO.File]::ReadAllBytes($f.FullName) | Should -Be (Get-ExpectedTarget $rest $lang)
        }
        # The manifest names only what is complete: the next run delivers the rest and skips the two.
        $next = @(& $deliver -ProjectUid $projectUid -OutFolder $stopped)
        @($next | Where-Object Action -EQ 'Skipped').Count | Should -Be 2
    }
}

Describe 'Update-TransMemory.ps1' {
    BeforeAll {
        $script:update = Join-Path $examples 'Update-TransMemory.ps1'
        $script:tmx = Join-Path $TestDrive 'vendor.tmx'
        $units = foreach ($i in 1..7) {
            "<tu><tuv xml:lang=`"en`"><seg>Sentence $i of the vendor.</seg></tuv><tuv xml:lang=`"de`"><seg>Satz $i des Anbieters (ü).</seg></tuv></tu>"
        }
        $text = "<?xml version=`"1.0`" encoding=`"UTF-8`"?>`n<tmx version=`"1.4`"><header srclang=`"en`" datatype=`"plaintext`" segtype=`"sentence`" adminlang=`"en`" creationtool=`"test`" creationtoolversion=`"1`" o-tmf=`"test`"/><body>`n$($units -join "`n")`n</body></tmx>`n"
        [System.IO.File]::WriteAllText($tmx, $text, [System.Text.UTF8Encoding]::new($false))
    }

    It 'imports a TMX, waits, and reports the segments added; sends the upload once' {
        Clear-Journal
        $before = (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid tmOk000001).SegmentsCount
        $result = & $update -TransMemoryUid tmOk000001 -ImportPath $tmx
        $result.Action | Should -Be 'Imported'
        $result.SegmentsAdded | Should -Be 7
        $result.SegmentsBefore | Should -Be $before
        (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid tmOk000001).SegmentsCount | Should -Be ($before + 7)
        @(Get-Journal POST '/api2/v2/transMemories/tmOk000001/import').Count | Should -Be 1
    }

    It 'exports the TM and downloads the TMX: the same bytes as the raw API serves, with the imported segments' {
        $file = Join-Path $TestDrive 'export/tmOk000001.tmx'
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $file) -Force
        Clear-Journal
        $result = & $update -TransMemoryUid tmOk000001 -ExportPath $file
        $result.Action | Should -Be 'Exported'
        $file | Should -Exist
        $result.Bytes | Should -Be (Get-Item $file).Length
        @(Get-Journal POST '/api2/v2/transMemories/tmOk000001/export').Count | Should -Be 1
        @(Get-Journal GET '/api2/v1/transMemories/downloadExport/*').Count | Should -Be 1

        # The same export by hand, over plain HTTP: the recipe's file must be exactly what was served.
        $headers = @{ Authorization = "ApiToken $($emulator.ApiToken)" }
        $export = Invoke-RestMethod -Method Post "$($emulator.BaseUri)/api2/v2/transMemories/tmOk000001/export" -Headers $headers -ContentType 'application/json' -Body '{}'
        $id = $export.asyncRequest.id
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Invoke-RestMethod "$($emulator.BaseUri)/api2/v1/async/$id" -Headers $headers).asyncResponse) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "export $id did not finish" }
            Start-Sleep -Milliseconds 200
        }
        $raw = Join-Path $TestDrive 'raw.tmx'
        Invoke-WebRequest "$($emulator.BaseUri)/api2/v1/transMemories/downloadExport/$id" -Headers $headers -OutFile $raw
        [System.IO.File]::ReadAllBytes($file) | Should -Be ([System.IO.File]::ReadAllBytes($raw))

        [xml] $xml = Get-Content -LiteralPath $file -Raw -Encoding UTF8
        $segments = @($xml.tmx.body.tu | ForEach-Object { $_.tuv } | ForEach-Object seg)
        $segments | Should -Contain 'Satz 3 des Anbieters (ü).'
        @($xml.tmx.body.tu).Count | Should -Be (Get-PhraseTmsTransMemoryMetadata -TransMemoryUid tmOk000001).SegmentsCount
    }

    It 'sends nothing that changes anything with -WhatIf' {
        Clear-Journal
        $file = Join-Path $TestDrive 'whatif.tmx'
        $said = Invoke-ChildRecipe 'Update-TransMemory.ps1' "-TransMemoryUid tmOk000001 -ImportPath '$tmx' -ExportPath '$file' -WhatIf"
        $said | Should -Match 'What if: .*vendor\.tmx → POST /api2/v2/transMemories/tmOk000001/import'
        $said | Should -Match 'What if: .*/api2/v2/transMemories/tmOk000001/export'
        @(Get-Journal POST '*').Count | Should -Be 0
        $file | Should -Not -Exist
    }

    It 'tells each step with -Verbose and never prints the token' {
        $file = Join-Path $TestDrive 'verbose/tmOk000001.tmx'
        $said = Invoke-ChildRecipe 'Update-TransMemory.ps1' "-TransMemoryUid tmOk000001 -ExportPath '$file' -Verbose -Debug"
        $said | Should -Match 'VERBOSE: Exporting tmOk000001'
        $said | Should -Match 'VERBOSE: Downloading the export to'
        $said | Should -Match 'VERBOSE: POST /api2/v2/transMemories/tmOk000001/export'
        $said | Should -Not -Match ([regex]::Escape($emulator.ApiToken))
        $file | Should -Exist
    }

    It 'refuses to run without -ImportPath or -ExportPath, before any request' {
        Clear-Journal
        { & $update -TransMemoryUid tmOk000001 } | Should -Throw '*Nothing to do*'
        @(Get-Journal).Count | Should -Be 0
    }

    It 'leaves no file under -ExportPath when stopped during the download' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'stopped-export') -Force
        $file = Join-Path $folder 'stopped.tmx'
        Clear-Journal
        Add-Fault @{ method = 'GET'; pathContains = '/transMemories/downloadExport/'; kind = 'SlowBody'; delayMs = 3000; times = -1 }
        try {
            $run = Start-RecipeRunspace 'Update-TransMemory.ps1' @{ TransMemoryUid = 'tmOk000001'; ExportPath = $file }
            Wait-Journal GET '/api2/v1/transMemories/downloadExport/*'
            Start-Sleep -Milliseconds 500
            Stop-RecipeRunspace $run | Should -Be 'Stopped'
            $atStop = @(Get-Journal).Count
            Start-Sleep -Seconds 2
            @(Get-Journal).Count | Should -Be $atStop
        }
        finally { Clear-Fault }
        $file | Should -Not -Exist
        @(Get-ChildItem -LiteralPath $folder -Force).Name | Should -BeNullOrEmpty   # nor its temporary file
    }
}

Describe 'Export-PhraseTmsAudit.ps1 (scheduled, in a child PowerShell)' {
    BeforeAll {
        $script:audit = Join-Path $examples 'Export-PhraseTmsAudit.ps1'
        function Invoke-Audit([string] $OutFolder, [string] $Token = $emulator.ApiToken) {
            $saved = $env:PHRASETMS_TOKEN, $env:PHRASETMS_BASE_URI
            try {
                $env:PHRASETMS_TOKEN = $Token; $env:PHRASETMS_BASE_URI = $emulator.BaseUri
                $text = & $childPowerShell.FilePath @($childPowerShell.ArgumentList) -NoProfile -NonInteractive -File $audit `
                    -OutFolder $OutFolder -ModulePath $modulePath 2>&1 | ForEach-Object { "$_" } | Out-String
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
            }
            finally { $env:PHRASETMS_TOKEN, $env:PHRASETMS_BASE_URI = $saved }
        }
        # Overdue jobs computed independently of the recipe: every job of every project, over plain API calls.
        function Get-OverdueJobUid {
            $now = [DateTimeOffset]::UtcNow
            Invoke-PhraseTmsRequest GET /api2/v1/projects -All | ForEach-Object {
                Invoke-PhraseTmsRequest GET "/api2/v2/projects/$($_.uid)/jobs" -All
            } | Where-Object { $_.dateDue -and [DateTimeOffset]::Parse($_.dateDue.Replace('+0000', 'Z')) -lt $now -and $_.status -notin 'COMPLETED', 'DELIVERED', 'CANCELLED' } |
                ForEach-Object uid | Sort-Object
        }
    }

    It 'exits 2 with the overdue jobs and the users with role and last login in the CSV files' {
        $folder = Join-Path $TestDrive 'audit'
        $run = Invoke-Audit $folder
        $run.ExitCode | Should -Be 2 -Because $run.Text
        $users = @(Import-Csv (Join-Path $folder 'users.csv'))
        $logins = @(Get-PhraseTmsUserLastLogin)
        $users.Count | Should -Be @(Get-PhraseTmsUser).Count
        $demo = $users | Where-Object UserName -EQ 'demo'
        $demo.Role | Should -Be 'ADMIN'
        foreach ($login in $logins) {
            $row = $users | Where-Object UserName -EQ $login.User.UserName
            $row.LastLogin | Should -Be $(if ($login.LastLoginDate) { $login.LastLoginDate.ToString('u') } else { '' })
        }
        $jobs = @(Import-Csv (Join-Path $folder 'overdue-jobs.csv'))
        ($jobs.JobUid | Sort-Object) | Should -Be @(Get-OverdueJobUid)
        $jobs.ProjectUid | Should -Contain 'overProj001'
        "$($run.Text)$(Get-Content (Join-Path $folder '*.csv') -Raw)" | Should -Not -Match $emulator.ApiToken
    }

    It 'exits 0 once no job is overdue (the overdue ones completed)' {
        $folder = Join-Path $TestDrive 'audit-done'
        $null = Invoke-Audit $folder
        Import-Csv (Join-Path $folder 'overdue-jobs.csv') | Set-PhraseTmsJobStatus -Status COMPLETED
        $run = Invoke-Audit $folder
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @(Import-Csv (Join-Path $folder 'overdue-jobs.csv')).Count | Should -Be 0
        $run.Text | Should -Match '0 overdue job\(s\)'
    }

    It 'exits 1 with the ErrorId on stderr when the token is refused, without printing it' {
        $folder = Join-Path $TestDrive 'audit-refused'
        $run = Invoke-Audit $folder -Token 'wrong-token-4242'
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'Export-PhraseTmsAudit failed: AuthUnauthorized'
        $run.Text | Should -Not -Match 'wrong-token-4242'
        Join-Path $folder 'users.csv' | Should -Not -Exist
    }
}

Describe 'Recipe help' {
    It '<Name> has a synopsis, a description, every parameter described and examples' -TestCases @(
        @{ Name = 'Launch-Project.ps1' }, @{ Name = 'Deliver-Project.ps1' }, @{ Name = 'Update-TransMemory.ps1' }, @{ Name = 'Export-PhraseTmsAudit.ps1' }
        @{ Name = 'Scheduled-ConnectorReport.ps1' }, @{ Name = 'Get-ChildPowerShell.ps1' }
    ) {
        # The help block must come first: a #Requires line (any comment) before it hides it from Get-Help.
        $path = Join-Path $examples $Name
        $help = Get-Help $path -Full
        $help.Synopsis | Should -Not -BeLike "*$Name*"          # a script without help shows its own name here
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        Get-Content -LiteralPath $path -TotalCount 1 | Should -Be '<#'
        $declared = (Get-Command $path).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
        foreach ($parameter in $declared) {
            $described = @($help.Parameters.Parameter | Where-Object Name -EQ $parameter)
            ($described.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a .PARAMETER text"
        }
    }
}

# Starts and stops the local Phrase TMS emulator (tests/PhraseTms.Emulator) for the demo and the Pester suite.
# Dot-source this file, then: $emu = Start-PhraseTmsEmulator; ...; Stop-PhraseTmsEmulator $emu

function Start-PhraseTmsEmulator {
    [CmdletBinding()]
    param(
        [string] $Configuration = 'Debug',
        [int] $TimeoutSec = 60,
        [string[]] $ArgumentList = @()
    )
    $root = Split-Path -Parent $PSScriptRoot
    $dll = Join-Path $root "tests/PhraseTms.Emulator/bin/$Configuration/net8.0/PhraseTms.Emulator.dll"
    if (-not (Test-Path $dll)) {
        throw "The emulator is not built ($dll). Run: dotnet build PhraseTms.sln -c $Configuration"
    }
    $stdout = [System.IO.Path]::GetTempFileName()
    $stderr = [System.IO.Path]::GetTempFileName()
    $process = Start-Process -FilePath 'dotnet' -ArgumentList (@("`"$dll`"", '--port', '0') + $ArgumentList) `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr -PassThru -NoNewWindow
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $baseUri = $null
    while (-not $baseUri -and [DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode): $(Get-Content $stderr -Raw)"
        }
        $line = Get-Content $stdout -ErrorAction SilentlyContinue | Where-Object { $_ -match 'listening on (http\S+)' } | Select-Object -First 1
        if ($line -and $line -match 'listening on (http\S+)') { $baseUri = $Matches[1] }
        else { Start-Sleep -Milliseconds 200 }
    }
    if (-not $baseUri) {
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        throw "The emulator did not start within $TimeoutSec s."
    }
    [pscustomobject]@{
        Process     = $process
        BaseUri     = $baseUri
        UserName    = 'demo'
        Password    = 'demo-password'
        ApiToken    = 'demo-api-token-0123456789'
        PlatformToken = 'demo-platform-token-5f1c2e9a7b3d'
        IdentityUri = ($baseUri -replace '/web$', '/idm/oauth/token')
        ProjectUid  = 'aBcD123'
        StdoutFile  = $stdout
        StderrFile  = $stderr
    }
}

function Stop-PhraseTmsEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    if ($Emulator.Process -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(5000) | Out-Null
    }
    Remove-Item $Emulator.StdoutFile, $Emulator.StderrFile -ErrorAction SilentlyContinue
}

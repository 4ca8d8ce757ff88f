using System.Security;
using PhraseTms.Client;
using PhraseTms.Client.Auth;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Support;

/// <summary>One emulator on 127.0.0.1 shared by a test collection (tests that inject faults start their own).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public PhraseTmsEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}

/// <summary>Builds clients against an emulator.</summary>
public static class Clients
{
    public static SecureString Secure(string value) => Secret.ToSecureString(value);

    /// <summary>The client options ConnectAsync builds a session's client with: the emulator's base URI, this log.</summary>
    public static Func<Uri, PhraseTmsClientOptions> Options(RecordingLog log) => baseUri => new() { BaseUri = baseUri, Log = log };

    public static PhraseTmsClient WithToken(PhraseTmsEmulator emulator, RecordingLog? log = null, TokenType type = TokenType.ApiToken,
        string token = PhraseTmsEmulator.DemoApiToken, Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? configure = null) =>
        Create(emulator, new TokenAuthenticator(Secure(token), type), log, configure);

    public static PhraseTmsClient WithLogin(PhraseTmsEmulator emulator, RecordingLog? log = null,
        string user = PhraseTmsEmulator.DemoUserName, string password = PhraseTmsEmulator.DemoPassword,
        string? code = null, string? organizationUserUid = null, Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? configure = null) =>
        Create(emulator, new LoginAuthenticator(user, Secure(password), code is null ? null : Secure(code), organizationUserUid), log, configure);

    private static PhraseTmsClient Create(PhraseTmsEmulator emulator, PhraseAuthenticator auth, RecordingLog? log,
        Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? configure)
    {
        var options = new PhraseTmsClientOptions { BaseUri = emulator.BaseUri, Log = (global::PhraseTms.Client.Http.IClientLog?)log ?? global::PhraseTms.Client.Http.NullClientLog.Instance };
        if (configure is not null) options = configure(options);
        return new PhraseTmsClient(options, auth);
    }
}

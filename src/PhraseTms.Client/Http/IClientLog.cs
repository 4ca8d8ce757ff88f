namespace PhraseTms.Client.Http;

/// <summary>
/// Where the client tells what it is doing. The module forwards these to -Verbose and warnings on the
/// pipeline thread. Messages never contain a token, password, 2FA code or Authorization header.
/// </summary>
public interface IClientLog
{
    void Verbose(string message);
    void Warning(string message);
}

/// <summary>A log that drops everything.</summary>
public sealed class NullClientLog : IClientLog
{
    public static readonly NullClientLog Instance = new();
    public void Verbose(string message) { }
    public void Warning(string message) { }
}

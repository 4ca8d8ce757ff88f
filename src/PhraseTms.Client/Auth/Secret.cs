using System.Runtime.InteropServices;
using System.Security;

namespace PhraseTms.Client.Auth;

/// <summary>
/// A secret (token, password, 2FA code) kept as a <see cref="SecureString"/>. It becomes plain text only inside
/// <see cref="Reveal"/>, called at the moment a request is built. <see cref="ToString"/> never shows it.
/// </summary>
public sealed class Secret : IDisposable
{
    private readonly SecureString _value;

    public Secret(SecureString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value.Copy();
        _value.MakeReadOnly();
    }

    /// <summary>Wraps a plain string (a token the server just issued); the caller should drop its copy.</summary>
    public static Secret FromPlainText(string value)
    {
        using var s = ToSecureString(value);
        return new Secret(s);
    }

    /// <summary>A read-only SecureString holding <paramref name="value"/> (a secret that arrived as text).</summary>
    public static SecureString ToSecureString(string value)
    {
        var s = new SecureString();
        foreach (var c in value) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    public int Length => _value.Length;

    public bool IsEmpty => _value.Length == 0;

    /// <summary>The plain text. Call only when building a request; never log or keep the result.</summary>
    internal string Reveal()
    {
        var ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(_value);
            return Marshal.PtrToStringUni(ptr, _value.Length);
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    public void Dispose() => _value.Dispose();

    /// <inheritdoc />
    public override string ToString() => "********";
}

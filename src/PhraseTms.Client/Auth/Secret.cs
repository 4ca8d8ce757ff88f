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
        var s = new SecureString();
        foreach (var c in value) s.AppendChar(c);
        using (s) return new Secret(s);
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

    /// <summary>True when both hold the same characters (compared without keeping either as a string).</summary>
    internal bool SameAs(Secret? other) => other is not null && (ReferenceEquals(this, other) || Reveal() == other.Reveal());

    public void Dispose() => _value.Dispose();

    /// <inheritdoc />
    public override string ToString() => "********";
}

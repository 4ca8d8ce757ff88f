using System.Net;

namespace PhraseTms.Desktop;

/// <summary>
/// The protocols Windows PowerShell 5.1 offers: on machines not configured for "system default" TLS it offers only
/// SSL 3 and TLS 1.0, which Phrase TMS refuses. TLS 1.2 is added; nothing is removed, and "system default" (0), which
/// already lets Windows choose TLS 1.2 or newer, is kept.
/// </summary>
internal static class DesktopTls
{
    public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
        current == 0 || (current & SecurityProtocolType.Tls12) != 0 ? current : current | SecurityProtocolType.Tls12;
}

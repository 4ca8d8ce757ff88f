using PhraseTms.Client.AsyncRequests;

namespace PhraseTms.Client.Auth;

/// <summary>Answer of POST /api2/v1|v3/auth/login.</summary>
internal sealed class LoginResponse
{
    public UserReference? User { get; set; }
    public string? Token { get; set; }
    public DateTimeOffset? Expires { get; set; }
}

/// <summary>Answer of GET /api2/v1/auth/whoAmI.</summary>
internal sealed class WhoAmIResponse
{
    public UserReference? User { get; set; }
}

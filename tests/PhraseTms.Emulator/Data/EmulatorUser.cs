namespace PhraseTms.Emulator;

/// <summary>A login identity (user name + password, optional 2FA code) with its user accounts, one per organization.
/// v1 login and v3 login without userUid log into <c>Accounts[0]</c>.</summary>
public sealed record EmulatorUser(string UserName, string Password, string? TwoFactorCode, IReadOnlyList<UserAccount> Accounts);

/// <summary>A user in one organization (what the API calls a UserReference).</summary>
public sealed record UserAccount(
    string Uid, string Id, string UserName, string FirstName, string LastName, string Email, string Role, string OrganizationName);

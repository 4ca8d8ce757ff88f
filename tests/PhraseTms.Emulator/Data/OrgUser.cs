namespace PhraseTms.Emulator;

/// <summary>A user of the demo organization as GET /api2/v1/users (UserDto) and GET /api2/v3/users/{userUid}
/// (UserDetailsDtoV3) serve it. <see cref="DateDeleted"/> is set for deleted users (listed only with includeDeleted).
/// <see cref="SourceLangs"/>/<see cref="TargetLangs"/> are the linguist's (and project manager's) locales.
/// UserDto has no last-login date: <see cref="LastLoginDate"/> is served by GET /api2/v1/users/lastLogins (LastLoginDto).</summary>
public sealed record OrgUser(
    string Id,
    string Uid,
    string UserName,
    string FirstName,
    string LastName,
    string Email,
    string Role,
    string Timezone,
    DateTimeOffset DateCreated,
    DateTimeOffset? DateDeleted,
    UserAccount? CreatedBy,
    string? Note,
    bool Active,
    bool Terminologist,
    IReadOnlyList<string> SourceLangs,
    IReadOnlyList<string> TargetLangs)
{
    /// <summary>When the user last logged in; null = never.</summary>
    public DateTimeOffset? LastLoginDate { get; init; }

    /// <summary>The user as a UserReference.</summary>
    public UserAccount Account => new(Uid, Id, UserName, FirstName, LastName, Email, Role, OrganizationData.OrganizationName);
}

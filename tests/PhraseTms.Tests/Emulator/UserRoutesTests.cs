using System.Net;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Emulator;

/// <summary>GET /api2/v1/users (filters, roles, deleted users, sort/order) and GET /api2/v3/users/{userUid}.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class UserRoutesTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emu => fixture.Emulator;

    private IEnumerable<OrgUser> Active => Emu.Data.Organization.Users.Where(u => u.DateDeleted is null);

    [Fact]
    public async Task Thirty_users_in_five_roles_one_deleted_by_id()
    {
        using var api = new EmulatorApi(Emu);
        var users = await api.AllAsync("api2/v1/users");
        Assert.Equal(29, users.Count);
        Assert.Equal(30, (await api.AllAsync("api2/v1/users?includeDeleted=true")).Count);
        Assert.Equal(Active.Select(u => u.Uid), EmulatorApi.Uids(users));
        Assert.Equal(["1001", "3001", "4001"], users.Take(3).Select(u => (string)u["id"]!));
        var roles = users.GroupBy(u => (string)u["role"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["ADMIN"] = 3, ["PROJECT_MANAGER"] = 6, ["LINGUIST"] = 14, ["GUEST"] = 3, ["SUBMITTER"] = 3 }, roles);
        Assert.DoesNotContain(SeedIds.DeletedUser, EmulatorApi.Uids(users));
        var demo = users[0];
        Assert.Equal("demo", (string)demo["userName"]!);
        foreach (var field in new[] { "id", "uid", "firstName", "lastName", "email", "dateCreated", "dateDeleted", "createdBy", "timezone", "note",
                     "terminologist", "sourceLangs", "targetLangs", "active", "priceList", "netRateScheme" })
            Assert.True(demo.ContainsKey(field), field);
    }

    public static TheoryData<string, string> Filters() => new()
    {
        { "role=LINGUIST", "role" },
        { "role=LINGUIST&role=GUEST", "roles repeated" },
        { "role=ADMIN,SUBMITTER", "roles comma separated" },
        { "firstName=ma", "firstName" },
        { "lastName=SCH", "lastName" },
        { "name=k", "name" },
        { "userName=lena", "userName" },
        { "email=demo@", "email" },
        { "nameOrEmail=mfa", "nameOrEmail" },
        { "role=SUBMITTER&includeDeleted=true", "deleted included" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_user_filter_selects_what_the_data_says(string query, string what)
    {
        using var api = new EmulatorApi(Emu);
        static bool S(string value, string prefix) => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        var expected = what switch
        {
            "role" => Active.Where(u => u.Role == "LINGUIST"),
            "roles repeated" => Active.Where(u => u.Role is "LINGUIST" or "GUEST"),
            "roles comma separated" => Active.Where(u => u.Role is "ADMIN" or "SUBMITTER"),
            "firstName" => Active.Where(u => S(u.FirstName, "ma")),
            "lastName" => Active.Where(u => S(u.LastName, "sch")),
            "name" => Active.Where(u => S(u.FirstName, "k") || S(u.LastName, "k")),
            "userName" => Active.Where(u => S(u.UserName, "lena")),
            "email" => Active.Where(u => S(u.Email, "demo@")),
            "nameOrEmail" => Active.Where(u => S(u.FirstName, "mfa") || S(u.LastName, "mfa") || S(u.Email, "mfa")),
            "deleted included" => Emu.Data.Organization.Users.Where(u => u.Role == "SUBMITTER"),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var served = EmulatorApi.Uids(await api.AllAsync($"api2/v1/users?{query}"));
        Assert.NotEmpty(served);
        Assert.Equal(expected.Select(u => u.Uid), served);
    }

    [Fact]
    public async Task The_deleted_user_is_listed_only_with_includeDeleted_and_has_dateDeleted()
    {
        using var api = new EmulatorApi(Emu);
        var submitters = await api.AllAsync("api2/v1/users?role=SUBMITTER&includeDeleted=true");
        var deleted = Assert.Single(submitters, u => (string)u["uid"]! == SeedIds.DeletedUser);
        Assert.NotNull((string?)deleted["dateDeleted"]);
        Assert.False((bool)deleted["active"]!);
        Assert.All(submitters.Where(u => u != deleted), u => Assert.Null(u["dateDeleted"]));
    }

    [Fact]
    public async Task Sort_and_order_pair_up()
    {
        using var api = new EmulatorApi(Emu);
        var byLastDesc = await api.AllAsync("api2/v1/users?sort=LAST_NAME&order=DESC");
        Assert.Equal(Active.OrderByDescending(u => u.LastName, StringComparer.OrdinalIgnoreCase).Select(u => u.Uid), EmulatorApi.Uids(byLastDesc));
        var byFirst = await api.GetOkAsync("api2/v1/users?sort=FIRST_NAME");
        Assert.Equal("firstName", (string)byFirst["sort"]!["orders"]![0]!["property"]!);
        Assert.Equal("ASC", (string)byFirst["sort"]!["orders"]![0]!["direction"]!);
        var twoKeys = await api.AllAsync("api2/v1/users?sort=LAST_NAME&sort=ID&order=ASC&order=DESC");
        Assert.Equal(Active.OrderBy(u => u.LastName, StringComparer.OrdinalIgnoreCase).ThenByDescending(u => long.Parse(u.Id)).Select(u => u.Uid),
            EmulatorApi.Uids(twoKeys));
    }

    [Theory]
    [InlineData("role=ROOT", "role: invalid value 'ROOT'; accepted values: ADMIN, PROJECT_MANAGER, LINGUIST, GUEST, SUBMITTER")]
    [InlineData("role=linguist", "role: invalid value 'linguist'; accepted values: ADMIN, PROJECT_MANAGER, LINGUIST, GUEST, SUBMITTER")]
    [InlineData("sort=EMAIL", "sort: invalid value 'EMAIL'; accepted values: ID, LAST_NAME, FIRST_NAME")]
    [InlineData("order=UP", "order: invalid value 'UP'; accepted values: ASC, DESC")]
    [InlineData("includeDeleted=1", "includeDeleted: must be true or false")]
    public async Task Bad_user_filters_are_refused_naming_the_parameter(string query, string description)
    {
        using var api = new EmulatorApi(Emu);
        Assert.Equal(description, EmulatorApi.AssertError(await api.GetAsync($"api2/v1/users?{query}"), HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Fact]
    public async Task Text_filters_longer_than_255_characters_are_refused()
    {
        using var api = new EmulatorApi(Emu);
        Assert.Equal("email: size must be between 0 and 255", EmulatorApi.AssertError(
            await api.GetAsync($"api2/v1/users?email={new string('e', 256)}"), HttpStatusCode.BadRequest, "InvalidArguments"));
        Assert.Empty(await api.AllAsync($"api2/v1/users?email={new string('e', 255)}"));
    }

    [Fact]
    public async Task Get_user_v3_answers_the_role_variant()
    {
        using var api = new EmulatorApi(Emu);
        var demo = await api.GetOkAsync($"api2/v3/users/{SeedIds.DemoUser}");
        Assert.Equal("ADMIN", (string)demo["role"]!);
        Assert.Equal("Europe/Prague", (string)demo["timezone"]!);
        Assert.Equal(5, demo["assignableRoles"]!.AsArray().Count);
        Assert.False(demo.ContainsKey("projectCreate"));

        var linguist = Emu.Data.Organization.Users.First(u => u.Role == "LINGUIST");
        var l = await api.GetOkAsync($"api2/v3/users/{linguist.Uid}");
        Assert.Equal(linguist.TargetLangs, l["targetLocales"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)l["mayRejectJobs"]!);
        Assert.True(l.ContainsKey("editAllTermsInTB"));

        var pm = await api.GetOkAsync($"api2/v3/users/{SeedIds.MfaUser}");
        Assert.Equal("PROJECT_MANAGER", (string)pm["role"]!);
        Assert.True((bool)pm["projectCreate"]!);
        Assert.False((bool)pm["projectDeleteOther"]!);

        var guest = Emu.Data.Organization.Users.First(u => u.Role == "GUEST");
        var g = await api.GetOkAsync($"api2/v3/users/{guest.Uid}");
        Assert.True((bool)g["projectViewOther"]!);
        Assert.False((bool)g["termBaseEditOther"]!);

        var deleted = await api.GetOkAsync($"api2/v3/users/{SeedIds.DeletedUser}");
        Assert.NotNull((string?)deleted["dateDeleted"]);
        Assert.True(deleted.ContainsKey("automationWidgets"));

        Assert.Contains("noSuchUser", EmulatorApi.AssertError(await api.GetAsync("api2/v3/users/noSuchUser"), HttpStatusCode.NotFound, "ResourceNotFound"));
    }
}

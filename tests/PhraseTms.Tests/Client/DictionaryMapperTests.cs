using System.Collections;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Jobs;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Tests.Client;

/// <summary>Hashtables as PowerShell users write them, mapped onto typed request pieces.</summary>
public sealed class DictionaryMapperTests
{
    private static Hashtable H(params (string Key, object? Value)[] entries)
    {
        var h = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in entries) h[k] = v;
        return h;
    }

    [Fact]
    public void Nested_hashtables_and_arrays_map_with_case_insensitive_keys()
    {
        var value = new object[]
        {
            H(("id", "7001"), ("DUE", "2026-12-01T10:00:00Z"),
              ("assignments", new object[]
              {
                  H(("targetlang", "de"), ("Providers", new object[] { H(("type", "VENDOR"), ("ID", 12)) }), ("AssignedUsers", new object[] { 5, H(("Id", "6")) })),
              }),
              ("NotifyProvider", H(("OrganizationEmailTemplate", "tmpl1"), ("NotificationIntervalInMinutes", "30")))),
        };

        var steps = DictionaryMapper.Map<WorkflowStepConfiguration[]>(value, "WorkflowSetting")!;

        var step = Assert.Single(steps);
        Assert.Equal("7001", step.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), step.Due);
        var assignment = Assert.Single(step.Assignments!);
        Assert.Equal("de", assignment.TargetLang);
        var provider = Assert.Single(assignment.Providers!);
        Assert.Equal(("VENDOR", "12"), (provider.Type, provider.Id));
        Assert.Equal([5L, 6L], assignment.AssignedUsers!.Select(u => u.Id!.Value));
        Assert.Equal("tmpl1", step.NotifyProvider!.OrganizationEmailTemplate!.Id);
        Assert.Equal(30, step.NotifyProvider.NotificationIntervalInMinutes);
    }

    [Fact]
    public void A_single_hashtable_becomes_a_one_element_list_and_typed_objects_pass_through()
    {
        var typed = new ProvidersPerLanguage("fr", ProviderReference.User("3"));
        var mixed = DictionaryMapper.Map<ProvidersPerLanguage[]>(new object[] { typed, H(("TargetLang", "de")) }, "Assignment")!;
        Assert.Same(typed, mixed[0]);
        Assert.Equal("de", mixed[1].TargetLang);

        var single = DictionaryMapper.Map<ProvidersPerLanguage[]>(H(("TargetLang", "it")), "Assignment")!;
        Assert.Equal("it", Assert.Single(single).TargetLang);
    }

    [Fact]
    public void An_unknown_key_names_the_path_and_lists_the_allowed_keys()
    {
        var value = H(("TargetLang", "de"), ("Providers", new object[] { H(("Typ", "VENDOR")) }));
        var ex = Assert.Throws<PhraseTmsValidationException>(() => DictionaryMapper.Map<ProvidersPerLanguage[]>(value, "Assignment"));
        Assert.Equal("UnknownKey", ex.ErrorId);
        Assert.Equal("Assignment[0].Providers[0].Typ", ex.ParameterName);
        Assert.Equal("Typ", ex.Value);
        Assert.Contains("unknown key 'Typ'", ex.Message);
        Assert.Contains("Allowed keys: Type, Id.", ex.Message);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_and_the_expected_type()
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            DictionaryMapper.Map<NotifyProvider>(H(("NotificationIntervalInMinutes", "soon")), "NotifyProvider"));
        Assert.Equal("InvalidValue", ex.ErrorId);
        Assert.Equal("NotifyProvider.NotificationIntervalInMinutes", ex.ParameterName);
        Assert.Equal("soon", ex.Value);
        Assert.Contains("whole number", ex.Message);

        var fraction = Assert.Throws<PhraseTmsValidationException>(() =>
            DictionaryMapper.Map<NotifyProvider>(H(("NotificationIntervalInMinutes", 2.5)), "NotifyProvider"));
        Assert.Equal("InvalidValue", fraction.ErrorId);

        var list = Assert.Throws<PhraseTmsValidationException>(() =>
            DictionaryMapper.Map<JobCreateRemoteFile>(H(("RemoteFileName", new[] { "a", "b" })), "RemoteFile"));
        Assert.Equal("RemoteFile.RemoteFileName", list.ParameterName);
        Assert.Contains("single value", list.Message);
    }

    [Fact]
    public void A_scalar_where_a_piece_without_a_one_argument_constructor_is_expected_is_refused_with_its_keys()
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() => DictionaryMapper.Map<ProvidersPerLanguage[]>("de", "Assignment"));
        Assert.Equal("InvalidValue", ex.ErrorId);
        Assert.Equal("Assignment[0]", ex.ParameterName);
        Assert.Contains("TargetLang, Providers, AssignedUsers", ex.Message);
    }

    [Fact]
    public void Keys_given_twice_in_different_case_are_refused()
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Type"] = "USER", ["type"] = "VENDOR" };
        var ex = Assert.Throws<PhraseTmsValidationException>(() => DictionaryMapper.Map<ProviderReference>(dictionary, "Provider"));
        Assert.Equal("DuplicateKey", ex.ErrorId);
    }

    [Fact]
    public void Booleans_dates_and_nulls_convert_and_a_null_list_element_stays_visible_to_validation()
    {
        var remote = DictionaryMapper.Map<JobCreateRemoteFile>(
            H(("ConnectorToken", "c"), ("RemoteFileName", ".*\\.html"), ("RemoteFileNameRegex", "true"), ("Continuous", true), ("RemoteFolder", null)), "RemoteFile")!;
        Assert.True(remote.RemoteFileNameRegex);
        Assert.True(remote.Continuous);
        Assert.Null(remote.RemoteFolder);

        var local = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var step = DictionaryMapper.Map<WorkflowStepConfiguration>(H(("Due", local), ("Assignments", Array.Empty<object>())), "WorkflowSetting")!;
        Assert.Equal(local, step.Due!.Value.UtcDateTime);
        Assert.Empty(step.Assignments!);

        var bad = Assert.Throws<PhraseTmsValidationException>(() => DictionaryMapper.Map<JobCreateRemoteFile>(H(("Continuous", "maybe")), "RemoteFile"));
        Assert.Equal("RemoteFile.Continuous", bad.ParameterName);
    }

    [Fact]
    public void The_unwrap_hook_opens_wrappers_at_every_level()
    {
        var wrapped = new Box(H(("TargetLang", new Box("de")), ("Providers", new Box(new object[] { new Box(H(("Type", "USER"), ("Id", "1"))) }))));
        var result = DictionaryMapper.Map<ProvidersPerLanguage>(wrapped, "Assignment", v => v is Box b ? b.Value : v)!;
        Assert.Equal("de", result.TargetLang);
        Assert.Equal("USER", Assert.Single(result.Providers!).Type);
    }

    private sealed record Box(object Value);
}

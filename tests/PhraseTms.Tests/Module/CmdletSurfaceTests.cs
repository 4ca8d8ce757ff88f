using System.Management.Automation;
using PhraseTms.Client.Connectors;
using PhraseTms.Tests.Support;
using static PhraseTms.Tests.Support.CmdletSurface;

namespace PhraseTms.Tests.Module;

/// <summary>The PowerShell-facing surface, checked by reflection over PhraseTms.dll.</summary>
public sealed class CmdletSurfaceTests
{
    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in CmdletSurface.Cmdlets) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_uses_an_approved_verb_a_singular_noun_and_declares_its_output(string name)
    {
        var cmdlet = Get(name);
        Assert.True(ApprovedVerbs.Count > 90, "the approved verb list should be read from PowerShell's own constants");
        Assert.Contains(cmdlet.Verb, ApprovedVerbs);
        // The words the naming rules keep as they are (tools/PhraseTms.Generator/Naming/Singularizer.cs: mass nouns).
        string[] unchanged = ["Tms", "Status", "Settings", "Metadata", "Analysis", "Access", "Series", "News", "Statistics", "Details"];
        Assert.False(cmdlet.Noun.EndsWith("s") && !unchanged.Any(u => cmdlet.Noun.EndsWith(u, StringComparison.Ordinal)), $"{name}: nouns are singular");
        // A generated cmdlet whose operations answer without a body (or with JSON of no model) declares nothing.
        if (!cmdlet.IsGenerated) Assert.NotEmpty(Attrs(cmdlet.Type, typeof(OutputTypeAttribute)));
        Assert.EndsWith("Command", cmdlet.Type.Name);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_that_calls_the_api_takes_a_session(string name)
    {
        var cmdlet = Get(name);
        if (!typeof(PhraseTms.Infrastructure.PhraseTmsApiCmdlet).IsAssignableFrom(cmdlet.Type)) return;
        var session = cmdlet.Parameter("Session");
        Assert.Equal(typeof(PhraseTms.Client.Connection.PhraseTmsSession), session.PropertyType);
    }

    // Binding by property name, -First/-Skip and the page size (range and default) run for real in
    // tests/PhraseTms.PowerShell.Tests (PipelineBindingTests, ParameterBehaviourTests).
    [Fact]
    public void Get_ConnectorAsyncTask_declares_its_output_and_typed_filters()
    {
        var cmdlet = Get("Get-ConnectorAsyncTask");
        Assert.Contains(typeof(ConnectorAsyncTask), OutputTypes(cmdlet.Type));
        Assert.Equal(true, Named(ParameterAttributes(cmdlet.Parameter("ProjectUid")).Single(), "Mandatory"));
        Assert.Equal(typeof(ConnectorTaskType[]), cmdlet.Parameter("TaskType").PropertyType);
        Assert.Equal(typeof(ConnectorTaskProcessingType[]), cmdlet.Parameter("TaskProcessingType").PropertyType);
        foreach (var date in new[] { "DateCreatedFrom", "DateCreatedTo", "DateProcessedFrom", "DateProcessedTo" })
            Assert.Equal(typeof(DateTime?), cmdlet.Parameter(date).PropertyType);
    }

    [Fact]
    public void Connect_PhraseTms_has_credential_token_and_environment_parameter_sets()
    {
        var cmdlet = Get("Connect-PhraseTms");
        Assert.Equal("Environment", cmdlet.Named("DefaultParameterSetName"));
        string? SetOf(string parameter) => (string?)Named(ParameterAttributes(cmdlet.Parameter(parameter)).Single(), "ParameterSetName");
        bool MandatoryOf(string parameter) => Named(ParameterAttributes(cmdlet.Parameter(parameter)).Single(), "Mandatory") is true;

        Assert.Equal("Credential", SetOf("Credential"));
        Assert.True(MandatoryOf("Credential"));
        Assert.Equal(typeof(PSCredential), cmdlet.Parameter("Credential").PropertyType);
        Assert.Equal("Credential", SetOf("TwoFactorCode"));
        Assert.Equal("Credential", SetOf("OrganizationUid"));
        Assert.Equal("Token", SetOf("Token"));
        Assert.True(MandatoryOf("Token"));
        Assert.Equal(typeof(System.Security.SecureString), cmdlet.Parameter("Token").PropertyType);
        Assert.Equal(typeof(PhraseTms.Client.Auth.TokenType), cmdlet.Parameter("TokenType").PropertyType);
        Assert.Equal("PlatformToken", SetOf("PlatformToken"));
        Assert.True(MandatoryOf("PlatformToken"));
        Assert.Equal(typeof(System.Security.SecureString), cmdlet.Parameter("PlatformToken").PropertyType);
        Assert.Equal("PlatformToken", SetOf("IdentityUri"));
        Assert.False(MandatoryOf("IdentityUri"));
        Assert.Equal(typeof(PhraseTms.Client.Connection.DataCenter), cmdlet.Parameter("DataCenter").PropertyType);
        Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("PassThru").PropertyType);
        Assert.Null(SetOf("BaseUri"));
        // No parameter takes a secret as plain text.
        Assert.DoesNotContain(Parameters(cmdlet.Type), p => p.Name.Contains("Password") || (p.Name.EndsWith("Token") && p.PropertyType == typeof(string)));
    }

    // -WhatIf, the method set at work, -All and the page size (range and default) run for real in
    // tests/PhraseTms.PowerShell.Tests (ShouldProcessTests, ParameterBehaviourTests).
    [Fact]
    public void Invoke_PhraseTmsRequest_takes_any_method_path_query_and_body_and_confirms_writes_with_medium_impact()
    {
        var cmdlet = Get("Invoke-PhraseTmsRequest");
        Assert.Equal(ConfirmImpact.Medium, (ConfirmImpact)(int)cmdlet.Named("ConfirmImpact")!);
        Assert.Equal(true, cmdlet.Named("SupportsPaging"));
        Assert.Contains(typeof(PSCustomObject), OutputTypes(cmdlet.Type));
        Assert.Contains(typeof(string), OutputTypes(cmdlet.Type));

        var method = cmdlet.Parameter("Method");
        Assert.Equal(0, Named(ParameterAttributes(method).Single(), "Position"));
        Assert.Equal(true, Named(ParameterAttributes(method).Single(), "Mandatory"));
        var methods = ((IEnumerable<System.Reflection.CustomAttributeTypedArgument>)Attr(method, typeof(ValidateSetAttribute))!.ConstructorArguments[0].Value!)
            .Select(a => (string)a.Value!);
        Assert.Equal(PhraseTms.Client.Raw.RawRequest.Methods, methods);

        var path = ParameterAttributes(cmdlet.Parameter("Path")).Single();
        Assert.Equal(1, Named(path, "Position"));
        Assert.Equal(true, Named(path, "Mandatory"));
        Assert.Equal(typeof(System.Collections.IDictionary), cmdlet.Parameter("Query").PropertyType);
        Assert.Equal(true, Named(ParameterAttributes(cmdlet.Parameter("Body")).Single(), "ValueFromPipeline"));
        Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("All").PropertyType);
        Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("Raw").PropertyType);
    }

    [Fact]
    public void The_language_code_completer_is_a_public_argument_completer_other_cmdlets_can_attach()
    {
        var completer = typeof(PhraseTms.Infrastructure.LanguageCodeCompleter);
        Assert.True(completer.IsPublic);
        Assert.Contains(typeof(IArgumentCompleter), completer.GetInterfaces());
        Assert.NotNull(completer.GetConstructor(Type.EmptyTypes));
        var method = completer.GetMethod(nameof(IArgumentCompleter.CompleteArgument))!;
        Assert.Equal(typeof(IEnumerable<CompletionResult>), method.ReturnType);
    }

    [Fact]
    public void Every_language_parameter_completes_language_codes()
    {
        // -TargetLang / -SourceLang (and lists of them) take Phrase codes: they get the completer. Enum parameters
        // complete by themselves.
        foreach (var cmdlet in CmdletSurface.Cmdlets)
        foreach (var parameter in Parameters(cmdlet.Type).Where(p => p.Name.EndsWith("Lang") || p.Name.EndsWith("Langs")))
        {
            var completer = Attr(parameter, typeof(ArgumentCompleterAttribute));
            Assert.True(completer is not null, $"{cmdlet.Name} -{parameter.Name} has no [ArgumentCompleter]");
            Assert.Equal(typeof(PhraseTms.Infrastructure.LanguageCodeCompleter), completer!.ConstructorArguments[0].Value);
        }
        Assert.True(typeof(PhraseTms.Client.Connection.DataCenter).IsEnum);
        Assert.Equal(typeof(PhraseTms.Client.Connection.DataCenter), Get("Connect-PhraseTms").Parameter("DataCenter").PropertyType);
    }
}

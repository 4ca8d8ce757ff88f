using System.Net;
using PhraseTms.Desktop;

namespace PhraseTms.Tests.Module;

/// <summary>The decisions of the Windows PowerShell 5.1 module initializer: which shipped file answers an assembly request; TLS.</summary>
public sealed class DependencyResolutionTests
{
    private static readonly string Dir = Path.Combine("C:", "PhraseTms", "desktop", "Dependencies");
    private static readonly string[] Shipped = ["RestSharp.dll", "System.Text.Json.dll", "Newtonsoft.Json.dll", "System.Management.Automation.dll"];

    private static string? Resolve(string request) => DependencyResolution.PathFor(request, Dir, Shipped);

    [Theory]
    [InlineData("System.Text.Json, Version=10.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json.dll")]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json.dll")]
    [InlineData("RestSharp", "RestSharp.dll")]
    [InlineData("  Newtonsoft.Json , Version=12.0.0.0", "Newtonsoft.Json.dll")]
    [InlineData("newtonsoft.json, Version=13.0.0.0", "Newtonsoft.Json.dll")]
    public void A_shipped_assembly_is_answered_by_simple_name_whatever_the_version(string request, string file) =>
        Assert.Equal(Path.Combine(Dir, file), Resolve(request));

    [Theory]
    [InlineData("System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35")]
    [InlineData("system.management.automation")]
    public void PowerShell_itself_is_never_answered_even_if_a_copy_were_there(string request) => Assert.Null(Resolve(request));

    [Theory]
    [InlineData("System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc51b0a6ab1b9a82")] // not shipped here
    [InlineData("PhraseTms.resources, Version=0.1.0.0, Culture=de, PublicKeyToken=null")]
    [InlineData("System.Text")]
    [InlineData("RestSharp.dll")]
    [InlineData("..\\RestSharp")]
    [InlineData("../System.Text.Json")]
    [InlineData("C:\\Temp\\RestSharp")]
    [InlineData("")]
    [InlineData(" , Version=1.0.0.0")]
    public void Anything_else_is_left_to_the_next_handler(string request) => Assert.Null(Resolve(request));

    [Fact]
    public void Nothing_is_answered_when_nothing_ships() =>
        Assert.Null(DependencyResolution.PathFor("RestSharp", Dir, []));

    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48, Tls10 = (SecurityProtocolType)192, Tls13 = (SecurityProtocolType)12288;

    [Fact]
    public void Tls_1_2_is_added_to_legacy_protocols_and_nothing_else_changes()
    {
        Assert.Equal(Ssl3 | Tls10 | SecurityProtocolType.Tls12, DesktopTls.WithTls12(Ssl3 | Tls10));
        Assert.Equal(SecurityProtocolType.Tls12 | Tls13, DesktopTls.WithTls12(SecurityProtocolType.Tls12 | Tls13));
        Assert.Equal((SecurityProtocolType)0, DesktopTls.WithTls12(0)); // system default: Windows chooses, TLS 1.3 included
    }
}

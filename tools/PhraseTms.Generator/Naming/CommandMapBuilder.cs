using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Naming;

// The committed inputs → the command map, the one way both the tool and the tests build it.
internal static class CommandMapBuilder
{
    public static CommandMap FromRepository(string root)
    {
        var api = ApiJson.Read<ApiDescription>(RepoPaths.Description(root));
        var overrides = NamingOverrides.Load(RepoPaths.NamingOverrides(root));
        return new CmdletNamer(api, overrides).Map();
    }
}

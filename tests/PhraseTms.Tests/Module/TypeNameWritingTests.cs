using System.Management.Automation;
using System.Reflection;
using System.Reflection.Emit;
using PhraseTms.Infrastructure;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Module;

/// <summary>
/// Objects reach the pipeline only through PhraseTmsCmdlet.WriteObject, which puts the stable type name first (the
/// format views key on it). Checked on the compiled IL of every method of the module, lambdas included: `WriteObject`
/// and `base.WriteObject` in a cmdlet both bind to it; a call that bypasses it (`((Cmdlet)this).WriteObject`) fails here.
/// </summary>
public sealed class TypeNameWritingTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method called (call, callvirt, newobj, ldftn) in a method body.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try { callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null); }
                catch (ArgumentException) { }
                if (callee is not null) yield return callee;
            }
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static IEnumerable<MethodBase> AllMethods() => CmdletSurface.Module.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Cast<MethodBase>().Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)));

    [Fact]
    public void Only_PhraseTmsCmdlet_calls_Cmdlet_WriteObject_and_the_cmdlets_call_its_own()
    {
        var direct = new List<string>();
        var throughBase = 0;
        foreach (var method in AllMethods())
        foreach (var callee in Callees(method))
        {
            if (callee.Name != "WriteObject") continue;
            if (callee.DeclaringType == typeof(Cmdlet) && method.DeclaringType != typeof(PhraseTmsCmdlet))
                direct.Add($"{method.DeclaringType!.FullName}.{method.Name}");
            if (callee.DeclaringType == typeof(PhraseTmsCmdlet)) throughBase++;
        }
        Assert.Empty(direct);
        Assert.True(throughBase >= 3, $"expected the cmdlets' writes to go through PhraseTmsCmdlet.WriteObject, found {throughBase}");
    }
}

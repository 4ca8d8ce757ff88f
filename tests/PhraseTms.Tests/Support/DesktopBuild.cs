using System.Reflection;
using System.Runtime.Loader;
using PhraseTms.Desktop;

namespace PhraseTms.Tests.Support;

/// <summary>
/// The Windows PowerShell 5.1 build of PhraseTms.Client (out/PhraseTms/desktop), run here on .NET in a load context of
/// its own that resolves like the desktop module does: its own assemblies from desktop/, everything else that ships
/// from desktop/Dependencies/ by <see cref="DependencyResolution"/>. Its types are not the test's: it is driven by
/// reflection. This proves the netstandard2.0 code and its polyfills work, not .NET Framework itself.
/// </summary>
public sealed class DesktopBuild : AssemblyLoadContext, IDisposable
{
    private readonly string[] _shipped =
        Directory.GetFiles(Repo.DependenciesOut, "*.dll").Select(f => Path.GetFileName(f)).ToArray();

    public DesktopBuild() : base("PhraseTms desktop build", isCollectible: true) =>
        Client = LoadFromAssemblyPath(Path.Combine(Repo.DesktopOut, "PhraseTms.Client.dll"));

    public Assembly Client { get; }

    /// <summary>Every assembly this context loaded itself (the rest came from .NET).</summary>
    public IEnumerable<Assembly> Loaded => Assemblies;

    protected override Assembly? Load(AssemblyName name)
    {
        var own = Path.Combine(Repo.DesktopOut, name.Name + ".dll");
        if (File.Exists(own)) return LoadFromAssemblyPath(own);
        return DependencyResolution.PathFor(name.FullName, Repo.DependenciesOut, _shipped) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    public Type Type(string fullName) => Client.GetType(fullName, throwOnError: true)!;

    /// <summary>A new object of a desktop type with these (init) properties set.</summary>
    public object New(string fullName, params (string Name, object? Value)[] properties)
    {
        var value = Activator.CreateInstance(Type(fullName))!;
        foreach (var (name, v) in properties) value.GetType().GetProperty(name)!.SetValue(value, v);
        return value;
    }

    public object? Static(string fullName, string member, params object?[] args)
    {
        var type = Type(fullName);
        if (type.GetField(member) is { } field) return field.GetValue(null);
        return Unwrap(() => type.GetMethod(member)!.Invoke(null, args));
    }

    public static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    public static object? Call(object target, string method, params object?[] args) =>
        Unwrap(() => target.GetType().GetMethod(method)!.Invoke(target, args));

    /// <summary>Awaits a desktop Task or Task&lt;T&gt; and returns its result (exceptions as thrown).</summary>
    public static async Task<object?> Await(object? task)
    {
        await (Task)task!;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>Every item of a desktop IAsyncEnumerable (Microsoft.Bcl.AsyncInterfaces' interfaces, not .NET's).</summary>
    public static async Task<List<object>> ToListAsync(object asyncEnumerable)
    {
        var enumerable = Interface(asyncEnumerable, "IAsyncEnumerable`1");
        var enumerator = Unwrap(() => enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(asyncEnumerable, [CancellationToken.None]))!;
        var iface = Interface(enumerator, "IAsyncEnumerator`1");
        var items = new List<object>();
        try
        {
            while ((bool)(await Await(AsTask(Unwrap(() => iface.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)))))!)
                items.Add(iface.GetProperty("Current")!.GetValue(enumerator)!);
        }
        finally
        {
            await Await(AsTask(Interface(enumerator, "IAsyncDisposable").GetMethod("DisposeAsync")!.Invoke(enumerator, null)));
        }
        return items;
    }

    private static object AsTask(object? valueTask) => valueTask!.GetType().GetMethod("AsTask")!.Invoke(valueTask, null)!;

    private static Type Interface(object value, string name) =>
        value.GetType().GetInterfaces().Single(i => i.Name == name);

    private static object? Unwrap(Func<object?> call)
    {
        try { return call(); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => Unload();
}

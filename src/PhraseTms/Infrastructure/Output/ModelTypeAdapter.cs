using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;

namespace PhraseTms.Infrastructure;

/// <summary>
/// PowerShell's view of the module's models (<see cref="ModuleTypeNames.AdaptedTypes"/>): PSTypeNames start with the
/// stable <c>PhraseTms.&lt;ClassName&gt;</c> name, then the .NET names; properties are the public .NET properties, as
/// PowerShell's own .NET adapter shows them (methods are still PowerShell's own). Registered by PhraseTms.psm1.
/// </summary>
public sealed class ModelTypeAdapter : PSPropertyAdapter
{
    private static readonly ConcurrentDictionary<Type, Properties> ByType = new();

    public override Collection<string> GetTypeNameHierarchy(object baseObject) => ModuleTypeNames.Hierarchy(baseObject.GetType());

    public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
    {
        var properties = PropertiesOf(baseObject);
        var result = new Collection<PSAdaptedProperty>();
        foreach (var property in properties.InOrder) result.Add(new PSAdaptedProperty(property.Name, property));
        return result;
    }

    public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName) =>
        PropertiesOf(baseObject).ByName.TryGetValue(propertyName, out var property) ? new PSAdaptedProperty(property.Name, property) : null;

    public override bool IsGettable(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).CanRead;

    public override bool IsSettable(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).SetMethod is { IsPublic: true };

    public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).GetValue(adaptedProperty.BaseObject);

    public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value) =>
        Info(adaptedProperty).SetValue(adaptedProperty.BaseObject, LanguagePrimitives.ConvertTo(value, Info(adaptedProperty).PropertyType));

    public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).PropertyType.FullName!;

    private static PropertyInfo Info(PSAdaptedProperty adaptedProperty) => (PropertyInfo)adaptedProperty.Tag;

    private static Properties PropertiesOf(object baseObject) => ByType.GetOrAdd(baseObject.GetType(), static t => new Properties(t));

    private sealed class Properties
    {
        public Properties(Type type)
        {
            InOrder = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }).ToArray();
            ByName = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in InOrder) ByName[property.Name] = property;
        }

        public PropertyInfo[] InOrder { get; }
        public Dictionary<string, PropertyInfo> ByName { get; }
    }
}

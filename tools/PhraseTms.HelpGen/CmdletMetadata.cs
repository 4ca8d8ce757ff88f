namespace PhraseTms.HelpGen;

/// <summary>What PowerShell knows about a cmdlet, read from its class by reflection.</summary>
public sealed record CmdletMetadata(
    Type Type,
    string Verb,
    string Noun,
    string? DefaultParameterSet,
    bool SupportsShouldProcess,
    bool SupportsPaging,
    IReadOnlyList<ParameterMetadata> Parameters,
    IReadOnlyList<Type> OutputTypes)
{
    public const string AllSets = "__AllParameterSets";

    public string Name => $"{Verb}-{Noun}";

    /// <summary>
    /// The parameter sets, the default first (also when no parameter names it: then it holds the shared parameters
    /// only, as Connect-PhraseTms's Environment set); one unnamed set when the cmdlet declares none.
    /// </summary>
    public IReadOnlyList<string> ParameterSets
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllSets).Distinct().ToList();
            if (named.Count == 0) return [AllSets];
            if (DefaultParameterSet is { } d)
            {
                named.Remove(d);
                named.Insert(0, d);
            }
            return named;
        }
    }

    /// <summary>The parameters of a set, as the syntax shows them: positional by position, then mandatory, then the rest.</summary>
    public IReadOnlyList<(ParameterMetadata Parameter, ParameterSetEntry Entry)> InSet(string set) =>
        Parameters
            .Select(p => (Parameter: p, Entry: p.Sets.FirstOrDefault(s => s.SetName == set) ?? p.Sets.FirstOrDefault(s => s.SetName == AllSets)))
            .Where(x => x.Entry is not null)
            .Select((x, i) => (x.Parameter, Entry: x.Entry!, Index: i))
            .OrderBy(x => x.Entry.Position is null ? 1 : 0)
            .ThenBy(x => x.Entry.Position ?? 0)
            .ThenBy(x => x.Entry.Position is null && x.Entry.Mandatory ? 0 : 1)
            .ThenBy(x => x.Parameter.AddedByPowerShell ? 1 : 0)
            .ThenBy(x => x.Index)
            .Select(x => (x.Parameter, x.Entry))
            .ToList();
}

/// <summary>A parameter: declared by a property, or added by PowerShell (-WhatIf, -Confirm, -First, -Skip …).</summary>
public sealed record ParameterMetadata(
    string Name,
    Type Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetEntry> Sets,
    IReadOnlyList<string> AllowedValues,
    bool SupportsWildcards,
    string DefaultValue,
    System.Reflection.PropertyInfo? Property,
    string? BuiltInDescription)
{
    public bool AddedByPowerShell => Property is null;

    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);

    public bool Mandatory => Sets.Count > 0 && Sets.All(s => s.Mandatory);

    public bool ByValue => Sets.Any(s => s.ByValue);

    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);
}

/// <summary>One [Parameter] attribute: how the parameter takes part in one parameter set.</summary>
public sealed record ParameterSetEntry(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

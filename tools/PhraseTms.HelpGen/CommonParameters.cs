using System.Management.Automation;

namespace PhraseTms.HelpGen;

/// <summary>The parameters PowerShell adds to cmdlets with SupportsPaging or SupportsShouldProcess, with its own wording.</summary>
public static class CommonParameters
{
    public static IReadOnlyList<ParameterMetadata> Paging { get; } =
    [
        Added("IncludeTotalCount", typeof(SwitchParameter), [], "False",
            "Reports the total number of objects in the data set (an integer) followed by the selected objects. If the cmdlet cannot determine the total count, it displays \"Unknown total count.\" The integer has an Accuracy property that indicates the reliability of the total count value."),
        Added("Skip", typeof(ulong), [], "0", "Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip."),
        Added("First", typeof(ulong), [], "None", "Gets only the specified number of objects. Enter the number of objects to get."),
    ];

    public static IReadOnlyList<ParameterMetadata> ShouldProcess { get; } =
    [
        Added("WhatIf", typeof(SwitchParameter), ["wi"], "False", "Shows what would happen if the cmdlet runs. The cmdlet is not run."),
        Added("Confirm", typeof(SwitchParameter), ["cf"], "False", "Prompts you for confirmation before running the cmdlet."),
    ];

    private static ParameterMetadata Added(string name, Type type, string[] aliases, string defaultValue, string description) =>
        new(name, type, aliases, [new ParameterSetEntry(CmdletMetadata.AllSets, false, null, false, false)], [], false, defaultValue, null, description);
}

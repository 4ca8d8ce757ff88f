namespace PhraseTms.HelpGen;

/// <summary>One cmdlet's complete help: reflected metadata merged with the Markdown prose.</summary>
public sealed record CommandHelp(
    CmdletMetadata Metadata,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<CommandDocument.Link> Links)
{
    public string Name => Metadata.Name;

    public ParameterHelp Parameter(string name) => Parameters.Single(p => p.Metadata.Name == name);
}

public sealed record ParameterHelp(ParameterMetadata Metadata, IReadOnlyList<string> Description);

public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

public sealed record TypeHelp(string Name, IReadOnlyList<string> Description);

/// <summary>A documentation problem, written as an MSBuild error line so that the build fails and IDEs point at it.</summary>
public sealed record HelpProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}{(Line > 0 ? $"({Line})" : "")}: error PTHELP: {Message}";
}

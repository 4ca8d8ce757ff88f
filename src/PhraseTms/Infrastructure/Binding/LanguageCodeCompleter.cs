using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PhraseTms.Client.Languages;

namespace PhraseTms.Infrastructure;

/// <summary>
/// Tab completion of language codes (common Phrase codes, by code or by name):
/// <c>[ArgumentCompleter(typeof(LanguageCodeCompleter))]</c> on a -TargetLang / -SourceLang parameter.
/// </summary>
public sealed class LanguageCodeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        LanguageCodes.Complete(wordToComplete).Select(l =>
            new CompletionResult(l.Code, $"{l.Code} ({l.Name})", CompletionResultType.ParameterValue, l.Name));
}

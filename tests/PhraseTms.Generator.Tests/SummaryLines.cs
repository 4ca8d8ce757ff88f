using PhraseTms.Generator.Import;
using PhraseTms.Generator.Naming;
using PhraseTms.Generator.Models;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PhraseTms.Generator.Tests;

// Prints the committed description's and the naming's one-line summaries in `dotnet test`'s output
// ("[xUnit.net …] PhraseTms.Generator.Tests: Naming: 405 operations → …").
public sealed class SummaryLines
{
    public SummaryLines(IMessageSink sink)
    {
        sink.OnMessage(new DiagnosticMessage("api/phrase-tms.api.json: " + Importer.SummaryLine(CommittedDescriptionTests.Committed)));
        sink.OnMessage(new DiagnosticMessage(CmdletNamer.SummaryLine(CommandMapBuilder.FromRepository(TestPaths.Root))));
        sink.OnMessage(new DiagnosticMessage(ModelPlanTests.Committed.SummaryLine()));
        sink.OnMessage(new DiagnosticMessage(PhraseTms.Generator.Cmdlets.CmdletPlanner.FromRepository(TestPaths.Root).SummaryLine()));
    }
}

namespace PhraseTms.Emulator;

/// <summary>A seeded project. <see cref="HasWorkflow"/>: jobs created in it get a workflowStep (Translation).</summary>
public sealed record EmulatorProject(string Uid, string Name, bool HasWorkflow);

using System.Text.RegularExpressions;

namespace PhraseTms.Generator.Naming;

// A path read as resources and an action: /api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus is the resources
// [projects {projectUid}] [jobs {jobUid}] and the action setStatus. A resource is a run of literal segments up to the
// parameters that follow it ("lqa/profiles/{profileUid}" is one resource, Lqa + Profile).
internal sealed class PathShape
{
    private static readonly Regex VersionPrefix = new(@"^/api2/v\d+/", RegexOptions.Compiled);

    public sealed record Segment(string Literal, List<string> Parameters);
    public sealed record Resource(List<string> Literals, List<string> Parameters, string Location)
    {
        public string Signature => string.Join('/', Literals);
        public bool HasId => Parameters.Count > 0;
    }

    public List<Segment> Segments { get; } = new();
    public List<Resource> Resources { get; } = new();
    public Segment? Action { get; private set; }
    public List<string> ActionParameters => Action?.Parameters ?? new List<string>();
    public List<string> Qualifiers { get; } = new(); // literals after the action ("latest" in replay/latest)
    public bool EndsWithParameter { get; private set; }

    // The path without its version and with every parameter as {}: two versions of one operation share it.
    public static string Unversioned(string path) => Regex.Replace(VersionPrefix.Replace(path, "/"), @"\{[^}]*\}", "{}");

    public static PathShape Parse(string path)
    {
        var shape = new PathShape();
        var parts = VersionPrefix.Replace(path, "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part.StartsWith('{')) { if (shape.Segments.Count > 0) shape.Segments[^1].Parameters.Add(part.Trim('{', '}')); }
            else shape.Segments.Add(new Segment(part, new List<string>()));
        }
        shape.EndsWithParameter = parts.Length > 0 && parts[^1].StartsWith('{');

        // The action is the last literal, or the one before it when the last is a bare qualifier (replay/latest).
        var n = shape.Segments.Count;
        var end = n;
        if (n >= 2 && shape.Segments[n - 1].Parameters.Count == 0 && ActionVerbs.IsQualifier(shape.Segments[n - 1].Literal)
            && ActionVerbs.Find(shape.Segments[n - 2].Literal) is not null)
        {
            end = n - 2;
            shape.Qualifiers.Add(shape.Segments[n - 1].Literal);
        }
        else if (n >= 1 && ActionVerbs.Find(shape.Segments[n - 1].Literal) is not null) end = n - 1;
        if (end < n) shape.Action = shape.Segments[end];

        // Runs of literals up to their parameters are resources; an earlier action-like literal is part of a run.
        var run = new List<string>();
        var location = "";
        for (var i = 0; i < end; i++)
        {
            var s = shape.Segments[i];
            run.Add(s.Literal);
            location += "/" + s.Literal;
            if (s.Parameters.Count > 0 || i == end - 1)
            {
                shape.Resources.Add(new Resource(run, s.Parameters, location));
                run = new List<string>();
                location += string.Concat(s.Parameters.Select(_ => "/{}"));
            }
        }
        return shape;
    }
}

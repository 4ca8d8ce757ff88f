using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>All the rules, for a request matched to its operation.</summary>
public sealed class RequestValidator
{
    private readonly Shapes _shapes;

    public RequestValidator(Shapes shapes)
    {
        _shapes = shapes;
        Json = new JsonValidator(shapes);
    }

    public JsonValidator Json { get; }

    public void Validate(ApiOperation op, IReadOnlyDictionary<string, string> pathValues, StubRequest request, ViolationList into)
    {
        AuthorizationRule.Check(op, request, into);
        ParameterRules.CheckPath(op, pathValues, into);
        ParameterRules.CheckQuery(op, request, into);
        HeaderRules.Check(op, request, Json, into);
        BodyRules.Check(op, request, _shapes, Json, into);
    }
}

namespace PhraseTms.Client.AsyncRequests;

#pragma warning disable CA1707 // underscores: the API's names

/// <summary>
/// What an asynchronous request does (the API's documented values). The set grows: an action this version does not
/// know gives a null <see cref="AsyncRequest.Action"/>, and <see cref="AsyncRequest.ActionText"/> keeps what the API sent.
/// </summary>
public enum AsyncAction
{
    PRE_ANALYSE, POST_ANALYSE, COMPARE_ANALYSE, PARENT_ANALYSE, PRE_TRANSLATE, ASYNC_TRANSLATE, IMPORT_JOB, IMPORT_FILE,
    ALIGN, EXPORT_TMX_BY_QUERY, EXPORT_TMX, IMPORT_TMX, IMPORT_TBX, INSERT_INTO_TM, DELETE_TM, CLEAR_TM, QA, QA_V3,
    UPDATE_CONTINUOUS_JOB, UPDATE_SOURCE, UPDATE_TARGET, EXTRACT_CLEANED_TMS, GLOSSARY_PUT, GLOSSARY_DELETE,
    CREATE_PROJECT, EXPORT_COMPLETE_FILE, IMPORT_ANNOTATIONS, FILE_FLOW_CONVERTER_IMPORT, FILE_FLOW_MT_PRETRANSLATE,
    FILE_FLOW_QUALITY_ESTIMATION,
}

/// <summary>Where an asynchronous request stands, derived from its response.</summary>
public enum AsyncRequestState
{
    /// <summary>No <c>asyncResponse</c> yet.</summary>
    Running,
    /// <summary>Finished without an <c>errorCode</c>.</summary>
    Succeeded,
    /// <summary>Finished with an <c>errorCode</c>.</summary>
    Failed,
}

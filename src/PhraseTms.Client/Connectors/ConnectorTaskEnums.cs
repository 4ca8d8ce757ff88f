namespace PhraseTms.Client.Connectors;

// Member names are the API's own, so values read and complete exactly as Phrase's documentation writes them.
#pragma warning disable CA1707 // underscores: the API's names

/// <summary>Type of a connector asynchronous task.</summary>
public enum ConnectorTaskType { DOWNLOAD, REIMPORT, REIMPORT_TARGET, UPLOAD }

/// <summary>What started a connector asynchronous task.</summary>
public enum ConnectorTaskProcessingType { APC, API, CJ, GUI, SUBMITTER_PORTAL }

/// <summary>State of a connector asynchronous task.</summary>
public enum ConnectorTaskStatus { CONVERTER_ERROR, ERROR, NEW, SUCCESS }

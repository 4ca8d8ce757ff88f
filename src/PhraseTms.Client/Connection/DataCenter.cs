namespace PhraseTms.Client.Connection;

/// <summary>Phrase TMS data centers.</summary>
public enum DataCenter
{
    /// <summary>Europe (default): https://cloud.memsource.com/web</summary>
    EU,
    /// <summary>United States: https://us.cloud.memsource.com/web</summary>
    US,
}

namespace MissionOps.Projects.Iati;

/// <summary>The bytes of one publication, in a table of their own so that reading publications does not read every file.</summary>
public sealed class IatiPublicationFile
{
    private IatiPublicationFile()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public int Number { get; private set; }

    public byte[] Xml { get; private set; } = [];

    public static IatiPublicationFile Of(IatiPublication publication, IatiFile file) =>
        new() { MissionId = publication.MissionId, Number = publication.Number, Xml = file.Xml };
}

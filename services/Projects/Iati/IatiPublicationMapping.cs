using Google.Protobuf.WellKnownTypes;

namespace MissionOps.Projects.Iati;

public static class IatiPublicationMapping
{
    public static V1.IatiPublication ToProto(this IatiPublication publication) => new()
    {
        Name = publication.Name,
        PublishTime = Timestamp.FromDateTimeOffset(publication.PublishTime),
        ActivityCount = publication.ActivityCount,
        ReportingOrgRef = publication.ReportingOrgRef,
        Sha256 = publication.Sha256,
        SizeBytes = publication.SizeBytes,
        FilePath = publication.FilePath,
    };
}

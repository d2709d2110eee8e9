using MissionOps.Personnel.Movements;
using Npgsql;
using NpgsqlTypes;

namespace MissionOps.Personnel.People;

/// <summary>Writes many people with PostgreSQL's binary COPY: the demo's mission records its 13,800 people at once.</summary>
public static class PersonWriter
{
    public const string Columns =
        "mission_id, id, index_number, full_name, component, category, country_code, unit_id, assigned_site, assignment_date, create_time";

    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<Person> people, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY personnel ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var p in people)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(p.MissionId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.Id, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.IndexNumber, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.FullName, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.Component.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Category.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CountryCode, NpgsqlDbType.Text, cancellationToken);
            await MovementWriter.WriteNullableAsync(writer, p.UnitId, cancellationToken);
            await writer.WriteAsync(p.AssignedSite, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.AssignmentDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(p.CreateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}

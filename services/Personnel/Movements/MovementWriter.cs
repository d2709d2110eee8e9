using Npgsql;
using NpgsqlTypes;

namespace MissionOps.Personnel.Movements;

/// <summary>
/// Writes many movements and their legs with PostgreSQL's binary COPY, the fastest way in:
/// manifests carry thousands of rows, and the demo data tens of thousands.
/// </summary>
public static class MovementWriter
{
    public const string MovementColumns =
        "mission_id, id, person_id, unit_id, kind, mode, origin_site, destination_site, planned_date, departure_date, " +
        "arrival_date, state, people_count, manifest_id, create_time, update_time";

    public const string LegColumns = "mission_id, movement_id, person_id, origin_site, destination_site, effective_date, state";

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<Movement> movements, IReadOnlyList<MovementLeg> legs,
        CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY movements ({MovementColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var m in movements)
            {
                writer.StartRow();
                writer.Write(m.MissionId, NpgsqlDbType.Text);
                writer.Write(m.Id, NpgsqlDbType.Text);
                WriteNullable(writer, m.PersonId);
                WriteNullable(writer, m.UnitId);
                writer.Write(m.Kind.ToString(), NpgsqlDbType.Varchar);
                writer.Write(m.Mode.ToString(), NpgsqlDbType.Varchar);
                writer.Write(m.OriginSite, NpgsqlDbType.Text);
                WriteNullable(writer, m.DestinationSite);
                writer.Write(m.PlannedDate, NpgsqlDbType.Date);
                WriteNullable(writer, m.DepartureDate);
                WriteNullable(writer, m.ArrivalDate);
                writer.Write(m.State.ToString(), NpgsqlDbType.Varchar);
                writer.Write(m.PeopleCount, NpgsqlDbType.Integer);
                WriteNullable(writer, m.ManifestId);
                writer.Write(m.CreateTime, NpgsqlDbType.TimestampTz);
                writer.Write(m.UpdateTime, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync($"COPY movement_legs ({LegColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var leg in legs)
            {
                writer.StartRow();
                writer.Write(leg.MissionId, NpgsqlDbType.Text);
                writer.Write(leg.MovementId, NpgsqlDbType.Text);
                writer.Write(leg.PersonId, NpgsqlDbType.Text);
                writer.Write(leg.OriginSite, NpgsqlDbType.Text);
                WriteNullable(writer, leg.DestinationSite);
                writer.Write(leg.EffectiveDate, NpgsqlDbType.Date);
                writer.Write(leg.State.ToString(), NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>The legs of a movement of one person.</summary>
    public static MovementLeg LegOf(Movement movement, string personId) => new()
    {
        MissionId = movement.MissionId,
        MovementId = movement.Id,
        PersonId = personId,
        OriginSite = movement.OriginSite,
        DestinationSite = movement.DestinationSite,
        EffectiveDate = movement.EffectiveDate,
        State = movement.State,
    };

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, DateOnly? value)
    {
        if (value is { } date)
        {
            writer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            writer.WriteNull();
        }
    }
}

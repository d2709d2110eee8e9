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

    /// <summary>Writes the movements as they come, and gives back the ones written.</summary>
    public static async Task<List<Movement>> WriteMovementsAsync(NpgsqlConnection connection, IAsyncEnumerable<Movement> movements,
        CancellationToken cancellationToken)
    {
        var written = new List<Movement>();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY movements ({MovementColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await foreach (var m in movements.WithCancellation(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(m.MissionId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(m.Id, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, m.PersonId, cancellationToken);
            await WriteNullableAsync(writer, m.UnitId, cancellationToken);
            await writer.WriteAsync(m.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(m.Mode.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(m.OriginSite, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, m.DestinationSite, cancellationToken);
            await writer.WriteAsync(m.PlannedDate, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(writer, m.DepartureDate, cancellationToken);
            await WriteNullableAsync(writer, m.ArrivalDate, cancellationToken);
            await writer.WriteAsync(m.State.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(m.PeopleCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, m.ManifestId, cancellationToken);
            await writer.WriteAsync(m.CreateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(m.UpdateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            written.Add(m);
        }

        await writer.CompleteAsync(cancellationToken);
        return written;
    }

    public static async Task WriteLegsAsync(NpgsqlConnection connection, IEnumerable<MovementLeg> legs, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY movement_legs ({LegColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var leg in legs)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(leg.MissionId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(leg.MovementId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(leg.PersonId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(leg.OriginSite, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, leg.DestinationSite, cancellationToken);
            await writer.WriteAsync(leg.EffectiveDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(leg.State.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
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

    internal static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}

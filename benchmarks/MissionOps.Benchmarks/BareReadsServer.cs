using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Benchmarks.Bare;
using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// The baseline of the reads: a minimal ASP.NET Core gRPC server on its own loopback h2c port
/// (<see cref="LoopbackGrpcServer"/>), with nothing but Grpc.AspNetCore and Npgsql, reading the
/// services' own tables by primary key or by keyset and answering the columns as text.
/// </summary>
public static class BareReadsServer
{
    /// <param name="tables">Each table's database: its data source.</param>
    public static Task<LoopbackGrpcServer> StartAsync(IReadOnlyDictionary<string, NpgsqlDataSource> tables) =>
        LoopbackGrpcServer.StartAsync<BareReadsService>(services => services.AddSingleton(new BareTables(tables)));

    private sealed class BareTables(IReadOnlyDictionary<string, NpgsqlDataSource> tables)
    {
        public NpgsqlDataSource Of(string table) =>
            tables.TryGetValue(table, out var source) ? source : throw new RpcException(new Status(StatusCode.InvalidArgument, $"no table {table}"));
    }

    private sealed class BareReadsService(BareTables tables) : BareReads.BareReadsBase
    {
        public override async Task<Row> GetRow(GetRowRequest request, ServerCallContext context)
        {
            // The table name comes from the known set only (Of throws otherwise).
            await using var command = tables.Of(request.Table).CreateCommand($"{Select(request.Table)} WHERE t.mission_id = $1 AND t.id = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = request.MissionId });
            command.Parameters.Add(new NpgsqlParameter { Value = request.Id });
            await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
            return await reader.ReadAsync(context.CancellationToken)
                ? RowOf(reader)
                : throw new RpcException(new Status(StatusCode.NotFound, $"{request.Table} {request.Id}"));
        }

        public override async Task<ListRowsResponse> ListRows(ListRowsRequest request, ServerCallContext context)
        {
            await using var command = tables.Of(request.Table).CreateCommand(
                $"{Select(request.Table)} WHERE t.mission_id = $1 AND t.id > $2 ORDER BY t.id LIMIT $3");
            command.Parameters.Add(new NpgsqlParameter { Value = request.MissionId });
            command.Parameters.Add(new NpgsqlParameter { Value = request.After });
            command.Parameters.Add(new NpgsqlParameter { Value = request.PageSize });
            await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
            var page = new ListRowsResponse();
            while (await reader.ReadAsync(context.CancellationToken))
            {
                page.Rows.Add(RowOf(reader));
            }

            return page;
        }

        /// <summary>
        /// A table's rows as the service answers them: a person with where they are today, the destination of their last
        /// completed leg (hand-written, one probe per person into the legs' index), as the headcount baseline locates them.
        /// </summary>
        private static string Select(string table) => table == "personnel"
            ? """
              SELECT t.*, last_leg.destination_site, last_leg.person_id IS NOT NULL AS moved
              FROM personnel t
              LEFT JOIN LATERAL (
                  SELECT l.person_id, l.destination_site
                  FROM movement_legs l
                  WHERE l.mission_id = t.mission_id AND l.person_id = t.id AND l.state = 'Completed' AND l.effective_date <= current_date
                  ORDER BY l.effective_date DESC, l.movement_id DESC
                  LIMIT 1
              ) last_leg ON TRUE
              """
            : $"SELECT * FROM {table} t";

        private static Row RowOf(NpgsqlDataReader reader)
        {
            var row = new Row { Id = reader.GetString(reader.GetOrdinal("id")) };
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Columns.Add(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return row;
        }
    }
}

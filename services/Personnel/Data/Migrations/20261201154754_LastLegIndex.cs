using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class LastLegIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_movement_legs_mission_id_person_id_effective_date",
                table: "movement_legs");

            migrationBuilder.CreateIndex(
                name: "ix_movement_legs_last_leg",
                table: "movement_legs",
                columns: new[] { "mission_id", "person_id", "effective_date", "movement_id" },
                descending: new[] { false, false, true, true })
                .Annotation("Npgsql:IndexInclude", new[] { "state", "destination_site" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_movement_legs_last_leg",
                table: "movement_legs");

            migrationBuilder.CreateIndex(
                name: "ix_movement_legs_mission_id_person_id_effective_date",
                table: "movement_legs",
                columns: new[] { "mission_id", "person_id", "effective_date" });
        }
    }
}

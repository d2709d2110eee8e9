using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexManifests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_movements_mission_id_manifest_id",
                table: "movements",
                columns: new[] { "mission_id", "manifest_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_movements_mission_id_manifest_id",
                table: "movements");
        }
    }
}

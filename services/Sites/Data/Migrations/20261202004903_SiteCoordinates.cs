using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Sites.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteCoordinates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "location_latitude",
                table: "sites",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "location_longitude",
                table: "sites",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "location_latitude",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "location_longitude",
                table: "sites");
        }
    }
}

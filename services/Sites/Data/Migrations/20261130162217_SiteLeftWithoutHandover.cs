using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Sites.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteLeftWithoutHandover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "left_without_handover",
                table: "sites",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "left_without_handover",
                table: "sites");
        }
    }
}

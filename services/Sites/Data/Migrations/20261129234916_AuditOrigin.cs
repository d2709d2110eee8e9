using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Sites.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "peer",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trace_id",
                table: "audit_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_agent",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "peer",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "trace_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "user_agent",
                table: "audit_entries");
        }
    }
}

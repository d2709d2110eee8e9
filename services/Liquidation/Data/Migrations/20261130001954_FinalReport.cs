using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class FinalReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "final_reports",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    report = table.Column<byte[]>(type: "bytea", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    signatory_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signatory_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issue_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_final_reports", x => x.mission_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "final_reports");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteOutlooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_outlooks",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    site_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    at_risk = table.Column<bool>(type: "boolean", nullable: false),
                    forecast = table.Column<byte[]>(type: "bytea", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_outlooks", x => new { x.mission_id, x.site_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_outlooks");
        }
    }
}

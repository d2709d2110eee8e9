using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeptImagesForForecast : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kept_images",
                columns: table => new
                {
                    name = table.Column<string>(type: "text", nullable: false),
                    mission_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    image = table.Column<byte[]>(type: "bytea", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    change_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kept_images", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kept_images_mission_id",
                table: "kept_images",
                column: "mission_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kept_images");
        }
    }
}

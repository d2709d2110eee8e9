using MissionOps.Board;
using MissionOps.Board.Components;
using MissionOps.Board.Records;
using MissionOps.Board.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddBoard();

var app = builder.Build();

app.UseRequestLocalization(BoardCultures.Options());
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSignIn();
app.MapCultureSwitch();
app.MapRecords();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapHealthChecks("/health");
app.MapHealthChecks("/alive");

app.Run();

/// <summary>Entry point, visible to the board's browser tests.</summary>
public partial class Program;

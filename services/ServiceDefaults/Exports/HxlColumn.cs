namespace MissionOps.ServiceDefaults.Exports;

/// <summary>
/// One column of an HXL table: the header people read, the hashtag with its attributes that HXL
/// tools read (<c>#adm1+code</c>), and the cell each row gives it (null for an empty cell).
/// </summary>
public sealed record HxlColumn<TRow>(string Header, string Hashtag, Func<TRow, string?> Cell);

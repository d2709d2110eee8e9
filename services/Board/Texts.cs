namespace MissionOps.Board;

/// <summary>The board's own words, in Resources/Texts.resx (English) and Texts.fr.resx (French).</summary>
public sealed class Texts;

namespace MissionOps.Testing;

/// <summary>The clone the tests run from: its folders and its C# sources.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Release in CI), as every project of the clone was.</summary>
    public static string Configuration { get; } = BuildFolder.Parent!.Name;

    /// <summary>Where a project's build output lies under its folder, as the tests' own: <c>bin/Release/net10.0</c>.</summary>
    public static string BuildOutput { get; } = Path.Combine("bin", Configuration, BuildFolder.Name);

    private static DirectoryInfo BuildFolder => new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    /// <summary>The text of every C# file under <paramref name="folder"/>, build output left out.</summary>
    public static IReadOnlyDictionary<string, string> CSharpSources(string folder, params string[] except) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !except.Contains(Path.GetFileName(f)))
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MissionOps.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MissionOps.sln above {AppContext.BaseDirectory}.");
    }
}

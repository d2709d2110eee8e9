using MissionOps.Testing;
using System.Text.RegularExpressions;
using MissionOps.ServiceDefaults.Errors;
using ErrorReason = MissionOps.Common.V1.ErrorReason;
using MissionOps.Client;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The reasons of the contract (<c>missionops.common.v1.ErrorReason</c>) against the code: every one is raised by a
/// service through the generated enum, no service names a reason as a string, and every one is asserted by a test.
/// Read from the sources of the clone, so a reason added, dropped or left untested fails here.
/// </summary>
public sealed class ErrorReasonTests
{
    private static readonly ErrorReason[] Reasons = Enum.GetValues<ErrorReason>().Where(r => r != ErrorReason.Unspecified).ToArray();

    [Fact]
    public void Every_reason_of_the_contract_is_raised_by_a_service_through_the_enum()
    {
        var services = string.Concat(Repository.CSharpSources("services").Values);

        var unused = Reasons.Where(r => !services.Contains($"ErrorReason.{r}", StringComparison.Ordinal)).Select(r => r.WireName());

        Assert.Empty(unused);
    }

    [Fact]
    public void No_service_names_a_reason_as_a_string()
    {
        var wireNames = Reasons.Select(r => r.WireName()).ToHashSet(StringComparer.Ordinal);

        var literals = Repository.CSharpSources("services")
            .SelectMany(file => Regex.Matches(file.Value, "\"([A-Z][A-Z0-9_]*)\"").Select(m => m.Groups[1].Value)
                .Where(wireNames.Contains).Select(name => $"{file.Key}: \"{name}\""));

        Assert.Empty(literals);
    }

    [Fact]
    public void Every_reason_is_asserted_by_a_test()
    {
        var tests = string.Concat(Repository.CSharpSources("tests", except: "ErrorReasonTests.cs").Values);

        var untested = Reasons.Where(r => !tests.Contains($"ErrorReason.{r}", StringComparison.Ordinal)
                && !tests.Contains($"\"{r.WireName()}\"", StringComparison.Ordinal))
            .Select(r => r.WireName());

        Assert.Empty(untested);
    }

    [Fact]
    public void Every_reason_an_error_is_answered_with_says_what_to_do_in_English_and_in_French()
    {
        var answered = AnsweredReasons();

        Assert.NotEmpty(answered);
        Assert.All(Reasons, reason =>
        {
            var (english, french) = (ErrorLanguage.MessageOf(reason, ErrorLanguage.English), ErrorLanguage.MessageOf(reason, ErrorLanguage.French));
            if (answered.Contains(reason.WireName()))
            {
                Assert.False(string.IsNullOrWhiteSpace(english), $"{reason.WireName()} has no English message");
                Assert.False(string.IsNullOrWhiteSpace(french), $"{reason.WireName()} has no French message");
                Assert.NotEqual(english, french);
            }
            else
            {
                Assert.True((english, french) == (null, null), $"{reason.WireName()} only names what blocks an error, yet has a message");
            }
        });
    }

    /// <summary>The reasons the contract documents as an error's (their comment starts with the status code), not as what blocks one.</summary>
    private static HashSet<string> AnsweredReasons()
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        string? firstComment = null;
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "protos", "missionops", "common", "v1", "error_reason.proto")).Select(l => l.Trim()))
        {
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                firstComment ??= line[2..].Trim();
                continue;
            }

            if (Regex.Match(line, "^([A-Z][A-Z0-9_]*) = [0-9]+;$") is { Success: true } value && firstComment is not null
                && Regex.IsMatch(firstComment, "^[A-Z_]+: "))
            {
                answered.Add(value.Groups[1].Value);
            }

            firstComment = null;
        }

        return answered;
    }
}

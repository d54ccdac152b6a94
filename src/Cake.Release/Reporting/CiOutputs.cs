using System.Text;
using Cake.Core;

namespace Cake.Release.Reporting;

/// <summary>
/// A step's outputs for the CI system running it. On GitHub Actions (<c>GITHUB_ACTIONS=true</c>) outputs are appended
/// to the file <c>$GITHUB_OUTPUT</c> names, for later steps and job matrices, and Markdown to <c>$GITHUB_STEP_SUMMARY</c>,
/// shown on the run's page. Elsewhere both are no-ops, so tasks call them unconditionally.
/// </summary>
public sealed class CiOutputs
{
    private readonly string? _outputFile;
    private readonly string? _summaryFile;

    private CiOutputs(string? outputFile, string? summaryFile)
    {
        _outputFile = outputFile;
        _summaryFile = summaryFile;
    }

    /// <summary>True on GitHub Actions: outputs and summaries are written.</summary>
    public bool IsGitHubActions => _outputFile is not null || _summaryFile is not null;

    /// <summary>The outputs of the CI system the context's environment describes.</summary>
    /// <param name="context">The Cake context; its environment, not the process's, is read.</param>
    public static CiOutputs For(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? Variable(string name) => context.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return string.Equals(Variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
            ? new CiOutputs(Variable("GITHUB_OUTPUT"), Variable("GITHUB_STEP_SUMMARY"))
            : new CiOutputs(null, null);
    }

    /// <summary>Sets a step output (<c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c>); returns whether one was written.</summary>
    /// <param name="name">The output name, e.g. <c>services</c>.</param>
    /// <param name="value">The value; a value with line breaks is written in GitHub's delimited form.</param>
    public bool SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (_outputFile is null)
        {
            return false;
        }

        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
        {
            Append(_outputFile, $"{name}={value}\n");
            return true;
        }

        // A delimiter the value cannot contain, so a value cannot end its own output early and set others.
        var delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        Append(_outputFile, $"{name}<<{delimiter}\n{value.TrimEnd('\n')}\n{delimiter}\n");
        return true;
    }

    /// <summary>Appends Markdown to the job's step summary; returns whether it was written.</summary>
    /// <param name="markdown">The Markdown to append; a blank line follows it.</param>
    public bool AppendSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (_summaryFile is null)
        {
            return false;
        }

        Append(_summaryFile, markdown.TrimEnd('\n') + "\n\n");
        return true;
    }

    private static void Append(string file, string text) => File.AppendAllText(file, text, new UTF8Encoding(false));
}

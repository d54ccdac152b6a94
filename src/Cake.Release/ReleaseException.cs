namespace Cake.Release;

/// <summary>
/// Bad input or a refused release step, raised by the model and adapters. The message is the whole story in one
/// line: what is wrong, where (file:line and key, branch, reference) and how to fix it. The host prints it as the
/// run's single <c>Error:</c> line and exits non-zero.
/// </summary>
public class ReleaseException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public ReleaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the low-level cause.</summary>
    public ReleaseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>Cake's console under the host's colour decision: its colour setters do nothing when colours are off.</summary>
internal sealed class ColorAwareConsole(IConsole inner, OutputColors colors) : IConsole
{
    public ConsoleColor ForegroundColor
    {
        get => inner.ForegroundColor;
        set
        {
            if (colors != OutputColors.Off)
            {
                inner.ForegroundColor = value;
            }
        }
    }

    public ConsoleColor BackgroundColor
    {
        get => inner.BackgroundColor;
        set
        {
            if (colors != OutputColors.Off)
            {
                inner.BackgroundColor = value;
            }
        }
    }

    public bool SupportAnsiEscapeCodes => colors switch
    {
        OutputColors.Off => false,
        OutputColors.Forced => true,
        _ => inner.SupportAnsiEscapeCodes,
    };

    public void Write(string format, params object[] arg) => inner.Write(format, arg);

    public void WriteLine(string format, params object[] arg) => inner.WriteLine(format, arg);

    public void WriteError(string format, params object[] arg) => inner.WriteError(format, arg);

    public void WriteErrorLine(string format, params object[] arg) => inner.WriteErrorLine(format, arg);

    public void ResetColor()
    {
        if (colors != OutputColors.Off)
        {
            inner.ResetColor();
        }
    }
}

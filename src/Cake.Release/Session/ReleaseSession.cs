using System.Runtime.CompilerServices;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Hosting;

namespace Cake.Release.Session;

/// <summary>
/// What one run of the release targets shares: the loaded release.yaml, the clock, the log, the dry-run flag, the
/// environment variables, and what one step leaves for the next (DetectChanged's change set for BuildOnce, BuildOnce's
/// images for DeployDev, a checked promotion for its retag, refs, manifest, milestone and notify steps). There is one
/// per Cake context, opened by the first task or alias that asks, so a pipeline's own task placed between two of ours
/// sees what the first left and can leave something for the second.
/// </summary>
public sealed class ReleaseSession
{
    private static readonly ConditionalWeakTable<ICakeContext, ReleaseSession> Sessions = [];
    private readonly Dictionary<string, (ReleaseConfig Config, DateTime Written, long Length)> _configs = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, object> _state = [];

    private ReleaseSession(ICakeContext context) => Context = context;

    /// <summary>The run's context.</summary>
    public ICakeContext Context { get; }

    /// <summary>The run's log; secrets it was told about (<c>KeepSecret</c>) are masked in everything it writes.</summary>
    public ICakeLog Log => Context.Log;

    /// <summary>The clock every timestamp of the run comes from: manifest entries, soak, milestone tags, delivery records.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Now, in UTC, by <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today in UTC, by <see cref="Clock"/>: the date of a changelog heading.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Reads an environment variable of the run (null when unset): registry credentials, <c>${VAR}</c> values.</summary>
    public string? Variable(string name) => Context.Environment.GetEnvironmentVariable(name);

    /// <summary>True when the run was started with <c>--dryrun</c>.</summary>
    public bool DryRun => Context.IsDryRun();

    /// <summary>How many times a release.yaml was parsed in this session (a run parses each file once).</summary>
    public int ConfigReads { get; private set; }

    /// <summary>The session of <paramref name="context"/>, opened on first use.</summary>
    public static ReleaseSession Of(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Sessions.GetValue(context, c => new ReleaseSession(c));
    }

    /// <summary>The settings' own dry-run flag when set, else the run's.</summary>
    public bool IsDryRun(ReleaseSettings settings) => IsDryRun(settings?.DryRun);

    /// <summary><paramref name="dryRun"/> when set, else the run's flag.</summary>
    public bool IsDryRun(bool? dryRun) => dryRun ?? DryRun;

    /// <summary>
    /// The release configuration at <paramref name="file"/> (relative to the working directory), parsed the first time
    /// it is asked for. It is parsed again only when the file changed since (an alias called twice from a script that
    /// edits release.yaml in between sees the edit).
    /// </summary>
    public ReleaseConfig Config(FilePath file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.MakeAbsolute(Context.Environment).FullPath;
        var info = new FileInfo(path);
        var (written, length) = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        if (_configs.TryGetValue(path, out var known) && known.Written == written && known.Length == length)
        {
            return known.Config;
        }

        var config = ReleaseConfigLoader.Load(path);
        ConfigReads++;
        Log.Verbose("Read the release configuration {0}: {1} services, {2} environments.", path, config.Services.Count, config.Environments.Count);
        _configs[path] = (config, written, length);
        return config;
    }

    /// <summary>What an earlier step of this run left, or null.</summary>
    public T? Find<T>() where T : class => _state.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Leaves <paramref name="value"/> for the later steps of this run (replacing one of the same type).</summary>
    public T Keep<T>(T value) where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        _state[typeof(T)] = value;
        return value;
    }

}
